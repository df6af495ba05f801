package dev.rapport.agents.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.shared.web.RenderedPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives every rendered page the signed-in agent ({@code me}) and the current path, for the app shell. */
@Configuration(proxyBeanMethods = false)
class LayoutInterceptor implements HandlerInterceptor, WebMvcConfigurer {

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
            page.addObject("me", me);
        }
        page.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
    }
}
