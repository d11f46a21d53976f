package com.triagedesk.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support staff: who may log in to the dashboard, with which role, and whether their account is
 * locked after too many wrong passwords.
 */
@Service
public class StaffUsers implements UserDetailsService {

	/**
	 * Wrong passwords in a row before the account is locked for {@link #LOCK}.
	 */
	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	public enum Role {

		AGENT, ADMIN

	}

	/**
	 * A staff member as the administration page shows them.
	 */
	public record StaffUser(long id, String email, String name, Role role, boolean enabled, Instant lockedUntil,
			Instant createdAt, Instant lastLoginAt) {
	}

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	StaffUsers(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return jdbc.sql("select * from staff_user where lower(email) = ?")
			.param(normalize(email))
			.query((rs, row) -> User.withUsername(rs.getString("email"))
				.password(rs.getString("password_hash"))
				.roles(rs.getString("role"))
				.disabled(!rs.getBoolean("enabled"))
				.accountLocked(rs.getTimestamp("locked_until") != null
						&& rs.getTimestamp("locked_until").toInstant().isAfter(clock.instant()))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such staff user"));
	}

	@Transactional
	public StaffUser create(String email, String name, Role role, String rawPassword) {
		if (rawPassword == null || rawPassword.length() < 12) {
			throw new IllegalArgumentException("A password needs at least 12 characters.");
		}
		if (find(email).isPresent()) {
			throw new IllegalArgumentException("There is already a staff user " + email + ".");
		}
		jdbc.sql("""
				insert into staff_user (email, name, password_hash, role, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(email.strip(), name.strip(), passwords.encode(rawPassword), role.name(),
					Timestamp.from(clock.instant()))
			.update();
		return find(email).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<StaffUser> find(String email) {
		return jdbc.sql("select * from staff_user where lower(email) = ?")
			.param(normalize(email))
			.query(StaffUsers::staffUser)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<StaffUser> list() {
		return jdbc.sql("select * from staff_user order by lower(email)").query(StaffUsers::staffUser).list();
	}

	@Transactional(readOnly = true)
	public boolean any() {
		return jdbc.sql("select exists (select 1 from staff_user)").query(Boolean.class).single();
	}

	@Transactional
	public void setEnabled(long id, boolean enabled) {
		jdbc.sql("update staff_user set enabled = ?, failed_logins = 0, locked_until = null where id = ?")
			.params(enabled, id)
			.update();
	}

	@Transactional
	public void setRole(long id, Role role) {
		jdbc.sql("update staff_user set role = ? where id = ?").params(role.name(), id).update();
	}

	/**
	 * A password an administrator sets for someone: it ends their sessions, and they must choose
	 * their own at the next log-in.
	 */
	@Transactional
	public void setPassword(long id, String rawPassword) {
		setPassword(id, rawPassword, true);
	}

	@Transactional
	void setPassword(long id, String rawPassword, boolean mustChange) {
		if (rawPassword == null || rawPassword.length() < 12) {
			throw new IllegalArgumentException("A password needs at least 12 characters.");
		}
		jdbc.sql("""
				update staff_user set password_hash = ?, failed_logins = 0, locked_until = null, credentials_changed_at = ?,
				       must_change_password = ?
				where id = ?""")
			.params(passwords.encode(rawPassword), Timestamp.from(clock.instant()), mustChange, id)
			.update();
	}

	/**
	 * The owner replaces their password: the current one must be right, the new one 12+ characters
	 * and different.
	 */
	@Transactional
	public void changeOwnPassword(String email, String current, String replacement) {
		String hash = jdbc.sql("select password_hash from staff_user where lower(email) = ?")
			.param(normalize(email))
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No such staff user."));
		if (!passwords.matches(current == null ? "" : current, hash)) {
			throw new IllegalArgumentException("The current password is not right.");
		}
		if (replacement != null && replacement.equals(current)) {
			throw new IllegalArgumentException("Choose a password other than the current one.");
		}
		setPassword(find(email).orElseThrow().id(), replacement, false);
	}

	@Transactional
	void requirePasswordChange(String email) {
		jdbc.sql("update staff_user set must_change_password = true where lower(email) = ?").param(normalize(email)).update();
	}

	@Transactional(readOnly = true)
	public boolean mustChangePassword(String email) {
		return jdbc.sql("select must_change_password from staff_user where lower(email) = ?")
			.param(normalize(email))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * A wrong password: after {@link #MAX_FAILURES} in a row the account is locked for {@link #LOCK},
	 * so passwords cannot be guessed at speed. Unknown e-mails change nothing.
	 */
	@Transactional
	void failedLogin(String email) {
		jdbc.sql("""
				update staff_user
				set failed_logins = failed_logins + 1,
				    locked_until = case when failed_logins + 1 >= :max then cast(:until as timestamptz) else locked_until end
				where lower(email) = :email""")
			.param("max", MAX_FAILURES)
			.param("until", Timestamp.from(clock.instant().plus(LOCK)))
			.param("email", normalize(email))
			.update();
	}

	@Transactional
	void succeededLogin(String email) {
		jdbc.sql("update staff_user set failed_logins = 0, locked_until = null, last_login_at = ? where lower(email) = ?")
			.params(Timestamp.from(clock.instant()), normalize(email))
			.update();
	}

	/**
	 * Whether a session that began at {@code since} may go on: the user exists, is enabled, is not
	 * locked, and their password has not been set since. Checked on every dashboard request, so
	 * disabling someone or resetting a stolen password ends their sessions at once.
	 */
	@Transactional(readOnly = true)
	public boolean sessionStillValid(String email, Instant since) {
		return jdbc.sql("""
				select enabled and (locked_until is null or locked_until <= :now)
				       and (credentials_changed_at is null or credentials_changed_at <= :since)
				from staff_user where lower(email) = :email""")
			.param("now", Timestamp.from(clock.instant()))
			.param("since", Timestamp.from(since))
			.param("email", normalize(email))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private static String normalize(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	private static StaffUser staffUser(ResultSet rs, int row) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		Timestamp last = rs.getTimestamp("last_login_at");
		return new StaffUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.valueOf(rs.getString("role")),
				rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant(),
				last == null ? null : last.toInstant());
	}

}
