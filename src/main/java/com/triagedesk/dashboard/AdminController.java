package com.triagedesk.dashboard;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.triagedesk.api.ApiKeys;
import com.triagedesk.api.ApiScope;

/**
 * Administration (role ADMIN): staff users and API keys. A new key is shown once, on the page
 * that created it; only its hash is kept.
 */
@Controller
@RequestMapping("/dashboard/admin")
class AdminController {

	private final StaffUsers staff;

	private final ApiKeys keys;

	AdminController(StaffUsers staff, ApiKeys keys) {
		this.staff = staff;
		this.keys = keys;
	}

	@GetMapping
	String admin() {
		return "redirect:/dashboard/admin/users";
	}

	@GetMapping("/users")
	String users(Model model) {
		model.addAttribute("users", staff.list());
		model.addAttribute("roles", StaffUsers.Role.values());
		return "dashboard/admin-users";
	}

	@PostMapping("/users")
	String createUser(@RequestParam String email, @RequestParam String name, @RequestParam StaffUsers.Role role,
			@RequestParam String password, RedirectAttributes flash) {
		try {
			if (!email.contains("@") || email.length() > 254 || name.isBlank() || name.length() > 200) {
				throw new IllegalArgumentException("Give a name and a valid e-mail address.");
			}
			staff.create(email, name, role, password);
			flash.addFlashAttribute("done", email + " can log in now.");
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/dashboard/admin/users";
	}

	@PostMapping("/users/enabled")
	String setEnabled(@RequestParam long id, @RequestParam boolean enabled, Principal me, RedirectAttributes flash) {
		StaffUsers.StaffUser user = staff.list().stream().filter(u -> u.id() == id).findFirst().orElse(null);
		if (user == null) {
			flash.addFlashAttribute("error", "No such staff user.");
		}
		else if (!enabled && user.email().equalsIgnoreCase(me.getName())) {
			// Locking oneself out leaves nobody to undo it.
			flash.addFlashAttribute("error", "You cannot disable your own account.");
		}
		else {
			staff.setEnabled(id, enabled);
			flash.addFlashAttribute("done", user.email() + (enabled ? " is enabled." : " is disabled."));
		}
		return "redirect:/dashboard/admin/users";
	}

	@PostMapping("/users/password")
	String setPassword(@RequestParam long id, @RequestParam String password, RedirectAttributes flash) {
		try {
			staff.setPassword(id, password);
			flash.addFlashAttribute("done", "Password changed.");
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/dashboard/admin/users";
	}

	@GetMapping("/api-keys")
	String apiKeys(Model model) {
		model.addAttribute("keys", keys.list());
		model.addAttribute("scopes", ApiScope.values());
		return "dashboard/admin-api-keys";
	}

	@PostMapping("/api-keys")
	String createApiKey(@RequestParam String name, @RequestParam(required = false) List<ApiScope> scopes, Principal me,
			Model model, RedirectAttributes flash) {
		if (name.isBlank() || name.length() > 200 || scopes == null || scopes.isEmpty()) {
			flash.addFlashAttribute("error", "Give the key a name and at least one scope.");
			return "redirect:/dashboard/admin/api-keys";
		}
		Set<ApiScope> chosen = EnumSet.copyOf(scopes);
		ApiKeys.CreatedKey created = keys.create(name.strip(), chosen, me.getName());
		// Shown on this answer only; a reload shows the list without it.
		model.addAttribute("created", created);
		model.addAttribute("keys", keys.list());
		model.addAttribute("scopes", ApiScope.values());
		return "dashboard/admin-api-keys";
	}

	@PostMapping("/api-keys/revoke")
	String revoke(@RequestParam String prefix, Principal me, RedirectAttributes flash) {
		flash.addFlashAttribute(keys.revoke(prefix, me.getName()) ? "done" : "error",
				keys.list().stream().anyMatch(k -> k.prefix().equals(prefix)) ? "Key td_" + prefix + "… is revoked."
						: "No such key.");
		return "redirect:/dashboard/admin/api-keys";
	}

}
