package dev.rapport.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where the stylesheet, scripts, images and WebJars are served, so filters can let them pass untouched. */
public final class StaticAssets {

    private static final String[] PREFIXES = {"/css/", "/js/", "/img/", "/webjars/"};

    private StaticAssets() {
    }

    /** The request's path inside the application, without the context path. */
    public static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    public static boolean isAsset(HttpServletRequest request) {
        String path = path(request);
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return path.equals("/favicon.ico");
    }
}
