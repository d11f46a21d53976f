package com.triagedesk.dashboard;

import java.io.IOException;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.triagedesk.api.ApiKeys;
import com.triagedesk.api.ApiScope;
import com.triagedesk.api.Webhooks;
import com.triagedesk.routing.MerchantDirectory;

/**
 * Administration (role ADMIN): staff users, API keys, webhook subscriptions and the merchant
 * directory. A new key or signing secret is shown once, on the page that created it.
 */
@Controller
@RequestMapping("/dashboard/admin")
class AdminController {

	private final StaffUsers staff;

	private final ApiKeys keys;

	private final Webhooks webhooks;

	private final MerchantDirectory merchants;

	AdminController(StaffUsers staff, ApiKeys keys, Webhooks webhooks, MerchantDirectory merchants) {
		this.staff = staff;
		this.keys = keys;
		this.webhooks = webhooks;
		this.merchants = merchants;
	}

	@GetMapping("/webhooks")
	String webhooks(@RequestParam(required = false) UUID deliveries, Model model) {
		model.addAttribute("subscriptions", webhooks.list());
		model.addAttribute("events", Webhooks.EVENTS.stream().sorted().toList());
		if (deliveries != null) {
			model.addAttribute("deliveriesOf", deliveries);
			model.addAttribute("deliveries", webhooks.deliveries(deliveries, 100));
		}
		return "dashboard/admin-webhooks";
	}

	@PostMapping("/webhooks")
	String subscribe(@RequestParam String url, @RequestParam(required = false) List<String> events,
			@RequestParam(required = false) String description, Principal me, Model model, RedirectAttributes flash) {
		try {
			Webhooks.Created created = webhooks.subscribe(url.strip(), events == null ? List.of() : events,
					description == null || description.isBlank() ? null : description.strip(), me.getName());
			// The signing secret is shown on this answer only.
			model.addAttribute("created", created);
			model.addAttribute("subscriptions", webhooks.list());
			model.addAttribute("events", Webhooks.EVENTS.stream().sorted().toList());
			return "dashboard/admin-webhooks";
		}
		catch (ErrorResponseException refused) {
			flash.addFlashAttribute("error", refused.getBody().getDetail());
			return "redirect:/dashboard/admin/webhooks";
		}
	}

	@PostMapping("/webhooks/delete")
	String unsubscribe(@RequestParam UUID id, RedirectAttributes flash) {
		flash.addFlashAttribute(webhooks.unsubscribe(id) ? "done" : "error",
				webhooks.list().stream().anyMatch(w -> w.id().equals(id)) ? "The subscription is ended." : "No such subscription.");
		return "redirect:/dashboard/admin/webhooks";
	}

	@GetMapping("/merchants")
	String merchants(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("merchants", merchants.list(q == null || q.isBlank() ? null : q, null, 100).items());
		return "dashboard/admin-merchants";
	}

	/**
	 * The CRM's CSV export, uploaded: the same all-or-nothing import as the API's.
	 */
	@PostMapping("/merchants")
	String uploadMerchants(@RequestParam("file") MultipartFile file, RedirectAttributes flash) {
		try {
			if (file.isEmpty()) {
				throw new IllegalArgumentException("Choose a CSV file.");
			}
			int imported = merchants.importFile(file.getBytes());
			flash.addFlashAttribute("done", imported + " merchants added or updated.");
		}
		catch (IOException ex) {
			flash.addFlashAttribute("error", "The file could not be read.");
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", "Nothing was imported: " + ex.getMessage());
		}
		return "redirect:/dashboard/admin/merchants";
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
			// A password the administrator chose: its owner replaces it at the first log-in.
			staff.requirePasswordChange(email);
			flash.addFlashAttribute("done", email + " can log in now and will choose their own password.");
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
