package dev.rapport.conversations;

import java.io.IOException;
import java.io.InputStream;

/** A file someone is attaching, before it is checked and stored. */
public record NewAttachment(String fileName, String contentType, long size, Opener content) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
