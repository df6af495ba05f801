package dev.rapport.webform.web;

import dev.rapport.webform.WebFormSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Shows admins where the contact form lives and the snippet that puts it on their website. */
@Controller
class WebFormAdminController {

    private final WebFormSettings settings;

    WebFormAdminController(WebFormSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/admin/webform")
    String show(Model model) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/contact").toUriString();
        model.addAttribute("formUrl", url);
        model.addAttribute("snippet", "<iframe src=\"" + url + "\" title=\"Contact us\" "
                + "style=\"width:100%;max-width:640px;height:900px;border:0\" loading=\"lazy\"></iframe>");
        model.addAttribute("embedOrigins", settings.embedOrigins());
        return "webform/admin";
    }
}
