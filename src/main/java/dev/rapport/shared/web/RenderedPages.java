package dev.rapport.shared.web;

import org.springframework.web.servlet.ModelAndView;

/** Tells interceptors that add layout data (business name, signed-in agent, notification count) which responses need it. */
public final class RenderedPages {

    private RenderedPages() {
    }

    /** A whole page is about to be rendered: not a redirect, not an htmx fragment, not a REST response. */
    public static boolean isWholePage(ModelAndView page) {
        return page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")
                && !page.getViewName().contains("::");
    }
}
