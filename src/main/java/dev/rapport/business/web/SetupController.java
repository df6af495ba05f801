package dev.rapport.business.web;

import dev.rapport.business.BusinessProfile;
import dev.rapport.business.SetupRequest;
import dev.rapport.shared.web.TimeZones;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The one-time setup page: the business's name and time zone, and the first admin. */
@Controller
class SetupController {

    private final BusinessProfile profile;

    SetupController(BusinessProfile profile) {
        this.profile = profile;
    }

    @ModelAttribute("timeZones")
    java.util.List<String> timeZones() {
        return TimeZones.all();
    }

    @GetMapping("/setup")
    String form(Model model) {
        model.addAttribute("setup", new SetupRequest("", "", "", "", ""));
        return "business/setup";
    }

    @PostMapping("/setup")
    String setUp(@Valid @ModelAttribute("setup") SetupRequest setup, BindingResult errors) {
        if (errors.hasErrors()) {
            return "business/setup";
        }
        try {
            profile.setUp(setup);
        } catch (BusinessProfile.SetupRejected e) {
            errors.rejectValue(e.field(), "invalid", e.getMessage());
            return "business/setup";
        } catch (BusinessProfile.AlreadySetUp e) {
            return "redirect:/login";
        }
        return "redirect:/login?welcome";
    }
}
