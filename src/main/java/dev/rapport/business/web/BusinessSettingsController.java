package dev.rapport.business.web;

import dev.rapport.business.Business;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.web.TimeZones;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The admin page for the business's name and time zone. */
@Controller
class BusinessSettingsController {

    record BusinessForm(@NotBlank(message = "Tell us your business's name.")
                        @Size(max = 200, message = "Use at most 200 characters.") String name,
                        @NotBlank(message = "Choose a time zone.") String timeZone) {
    }

    private final BusinessProfile profile;

    BusinessSettingsController(BusinessProfile profile) {
        this.profile = profile;
    }

    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return TimeZones.all();
    }

    @GetMapping("/admin/business")
    String form(Model model) {
        Business business = profile.current().orElseThrow();
        model.addAttribute("form", new BusinessForm(business.name(), business.timeZone().getId()));
        return "business/settings";
    }

    @PostMapping("/admin/business")
    String save(@Valid @ModelAttribute("form") BusinessForm form, BindingResult errors, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return "business/settings";
        }
        try {
            profile.update(form.name(), form.timeZone());
        } catch (BusinessProfile.SetupRejected e) {
            errors.rejectValue(e.field(), "invalid", e.getMessage());
            return "business/settings";
        }
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/admin/business";
    }
}
