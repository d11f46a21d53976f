package com.triagedesk.dashboard;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every dashboard page shows in its top bar.
 */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {

	@ModelAttribute("staffName")
	String staffName(Principal staff) {
		return staff == null ? null : staff.getName();
	}

	@ModelAttribute("staffAdmin")
	boolean staffAdmin(org.springframework.security.core.Authentication staff) {
		return staff != null && staff.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

}
