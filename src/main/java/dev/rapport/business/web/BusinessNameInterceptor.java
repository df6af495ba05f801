package dev.rapport.business.web;

import dev.rapport.business.Business;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.web.RenderedPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives every rendered page the business's name, for the top bar and the window title; API calls skip it. */
@Configuration(proxyBeanMethods = false)
class BusinessNameInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final BusinessProfile profile;

    BusinessNameInterceptor(BusinessProfile profile) {
        this.profile = profile;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (RenderedPages.isWholePage(page)) {
            page.addObject("businessName",
                    profile.isSetUp() ? profile.current().map(Business::name).orElse("Rapport") : "Rapport");
        }
    }
}
