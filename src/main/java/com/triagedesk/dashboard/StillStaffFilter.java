package com.triagedesk.dashboard;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session at its next request when the user was disabled or locked, or their
 * password was set after the session began: Spring Security would otherwise trust the session
 * until it times out.
 */
final class StillStaffFilter extends OncePerRequestFilter {

	private final StaffUsers staff;

	StillStaffFilter(StaffUsers staff) {
		this.staff = staff;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (user instanceof UsernamePasswordAuthenticationToken && user.isAuthenticated() && session != null
				&& !staff.sessionStillValid(user.getName(), Instant.ofEpochMilli(session.getCreationTime()))) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		String path = request.getServletPath();
		if (user instanceof UsernamePasswordAuthenticationToken && user.isAuthenticated()
				&& path.startsWith("/dashboard") && !path.equals(PasswordPage.PATH)
				&& staff.mustChangePassword(user.getName())) {
			// A password someone else chose opens nothing but the page to replace it.
			response.sendRedirect(request.getContextPath() + PasswordPage.PATH);
			return;
		}
		chain.doFilter(request, response);
	}

}
