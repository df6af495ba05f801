package dev.rapport.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import java.time.Duration;

/**
 * Serves static files only under the paths where they live ({@link StaticAssets}). Spring Boot's default maps
 * {@code /**}, which makes the resource chain look up every link on every page ({@code /conversations/1042}) as a
 * classpath file; measured in docs/benchmarks-inbox.md, that lookup was most of an inbox page's time.
 * Boot's own mapping is off ({@code spring.web.resources.add-mappings=false}).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssetMappings implements WebMvcConfigurer {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1));

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CACHE);
        }
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CACHE)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
