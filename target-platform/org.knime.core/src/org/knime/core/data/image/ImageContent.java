package org.knime.core.data.image;

public interface ImageContent {
}
