package dev.rapport.shared.web;

/** The Content-Security-Policy every page is served with: no inline scripts, nothing from other origins. */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'";

    private SecurityHeaders() {
    }

    /** The policy with the origins that may show the page in a frame ({@code 'none'} when there are none). */
    public static String contentSecurityPolicy(java.util.Collection<String> frameAncestors) {
        return CONTENT_SECURITY_POLICY + "; frame-ancestors "
                + (frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors));
    }
}
