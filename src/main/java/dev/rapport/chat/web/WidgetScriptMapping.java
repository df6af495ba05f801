package dev.rapport.chat.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/** Serves the widget script ({@code /chat/widget.js}) that businesses put on their websites. */
@Configuration(proxyBeanMethods = false)
class WidgetScriptMapping implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/chat/*.js")
                .addResourceLocations("classpath:/static/chat/")
                .setCacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic());
    }
}
