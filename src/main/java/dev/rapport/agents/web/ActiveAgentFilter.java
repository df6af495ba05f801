package dev.rapport.agents.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.shared.web.StaticAssets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps a signed-in session true to the agent's record: a deactivated agent is signed out on their next click, and a
 * changed role or name takes effect at once instead of at the next sign-in.
 */
class ActiveAgentFilter extends OncePerRequestFilter {

    private final Roster roster;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ActiveAgentFilter(Roster roster) {
        this.roster = roster;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return StaticAssets.isAsset(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAgent signedIn) {
            Optional<Agent> agent = roster.findAgent(signedIn.id()).filter(Agent::isActive);
            if (agent.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?deactivated");
                return;
            }
            if (agent.get().role() != signedIn.role() || !agent.get().name().equals(signedIn.name())) {
                SignedInAgent refreshed = SignedInAgent.of(agent.get());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
