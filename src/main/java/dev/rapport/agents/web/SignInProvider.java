package dev.rapport.agents.web;

import dev.rapport.agents.SignIn;
import dev.rapport.agents.SignedInAgent;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Lets the sign-in form use {@link SignIn}, with its throttling, as Spring Security's authentication. */
class SignInProvider implements AuthenticationProvider {

    private final SignIn signIn;

    SignInProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        SignedInAgent agent = signIn.authenticate(authentication.getName(),
                String.valueOf(authentication.getCredentials()), client);
        agent.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
