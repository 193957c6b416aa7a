package io.slotline.console;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form's POST to the same path. */
@Controller
class SignInController {

    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    String signIn(
            @AuthenticationPrincipal @Nullable ConsoleUser me,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable Long wait,
            Model model) {
        if (me != null) {
            return "redirect:/console";
        }
        model.addAttribute("error", error);
        model.addAttribute("wait", wait);
        return "console/login";
    }
}
