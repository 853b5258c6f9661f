/**
 * Networks written against the DJL block API only (no engine classes): the U-Net with an Atrous Spatial Pyramid
 * Pooling bottleneck ({@link org.neuroseg.dl.model.UNet}), its building blocks, its configuration and the model
 * file that stores a trained network with its hyperparameters and input normalisation, the models shipped in this
 * module's jar, and the Model Reader and Model Writer stages that move model files on and off model ports.
 */
package org.neuroseg.dl.model;
