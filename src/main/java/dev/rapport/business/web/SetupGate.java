package dev.rapport.business.web;

import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.web.ApiProblems;
import dev.rapport.shared.web.StaticAssets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Until Rapport is set up, every page leads to the setup page and the API answers 503; after setup, the setup page
 * is gone. Runs before Spring Security, so that a newcomer never sees a sign-in form nobody can use.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class SetupGate extends OncePerRequestFilter {

    private final BusinessProfile profile;

    SetupGate(BusinessProfile profile) {
        this.profile = profile;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = StaticAssets.path(request);
        return StaticAssets.isAsset(request) || path.startsWith("/actuator/health") || path.equals("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = StaticAssets.path(request);
        boolean setUp = profile.isSetUp();
        if (!setUp && path.startsWith("/api/")) {
            response.setHeader("Retry-After", "60");
            ApiProblems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "not-set-up", "Not set up",
                    "Rapport is not set up yet. Open it in a browser to set it up.", path);
        } else if (!setUp && !path.equals("/setup")) {
            response.sendRedirect(request.getContextPath() + "/setup");
        } else if (setUp && path.equals("/setup")) {
            response.sendRedirect(request.getContextPath() + "/login");
        } else {
            chain.doFilter(request, response);
        }
    }
}
