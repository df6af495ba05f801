package dev.rapport.notifications.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.notifications.Notifier;
import dev.rapport.shared.web.RenderedPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives every full page the signed-in agent's unread notification count, for the bell in the top bar. */
@Configuration(proxyBeanMethods = false)
class UnreadCountInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Notifier notifier;

    UnreadCountInterceptor(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (!RenderedPages.isWholePage(page)) {
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAgent me) {
            page.addObject("unreadNotifications", notifier.unread(me.id()));
        }
    }
}
