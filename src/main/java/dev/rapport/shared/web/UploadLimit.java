package dev.rapport.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.net.URI;

/**
 * A file larger than the server accepts at all ({@code spring.servlet.multipart.max-file-size}) gets an answer in
 * words: a 413 problem from the API, and on pages a redirect back to the page it came from with the reason shown.
 */
@ControllerAdvice
class UploadLimit {

    static final String MESSAGE = "The file is too large to upload. Files up to 25 MB are accepted; split it or "
            + "make it smaller.";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ApiProblems.problem(
                    HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content too large", MESSAGE));
        }
        String back = sameSitePath(request.getHeader("Referer"), request);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("problem", MESSAGE);
        RequestContextUtils.saveOutputFlashMap(back, request, response);
        return "redirect:" + back;
    }

    /** The path of the page the upload came from when it is one of ours, else the upload's own address. */
    private static String sameSitePath(String referer, HttpServletRequest request) {
        try {
            if (referer != null) {
                URI uri = URI.create(referer);
                if (request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null
                        && uri.getRawPath().startsWith("/")) {
                    return uri.getRawPath();
                }
            }
        } catch (IllegalArgumentException e) {
            // not a usable address: fall back to the request's own
        }
        return request.getRequestURI();
    }
}
