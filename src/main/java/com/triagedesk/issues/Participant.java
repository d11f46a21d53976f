package com.triagedesk.issues;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Someone who receives every update of an issue: its reporter or a CC recipient. A removed
 * participant keeps its row (who removed them, when) and receives nothing more.
 */
@Entity
@Table(name = "participant")
class Participant {

	enum Role {

		REPORTER, CC

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "participant_id")
	@SequenceGenerator(name = "participant_id", sequenceName = "participant_id_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "issue_id")
	private Issue issue;

	@Column(nullable = false)
	private String email;

	// The address as compared: lower-cased here, in Java, so the unique index and the code agree
	// on every alphabet (PostgreSQL's lower() folds some letters differently).
	@Column(name = "email_key", nullable = false)
	private String emailKey;

	private String name;

	private String phone;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "added_via", nullable = false)
	private Channel addedVia;

	@Column(name = "added_by", nullable = false)
	private String addedBy;

	@Column(name = "removed_at")
	private Instant removedAt;

	@Column(name = "removed_by")
	private String removedBy;

	@Enumerated(EnumType.STRING)
	@Column(name = "removed_via")
	private Channel removedVia;

	protected Participant() {
	}

	Participant(Issue issue, String email, String name, String phone, Role role, Instant addedAt, Actor addedBy) {
		this.issue = issue;
		this.email = email;
		this.emailKey = normalized(email);
		this.name = name;
		this.phone = phone;
		this.role = role;
		this.addedAt = addedAt;
		this.addedVia = addedBy.channel();
		this.addedBy = addedBy.id();
	}

	boolean hasAddress(String address) {
		return normalized(email).equals(normalized(address));
	}

	static String normalized(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	String email() {
		return email;
	}

	String name() {
		return name;
	}

	String phone() {
		return phone;
	}

	Role role() {
		return role;
	}

	boolean active() {
		return removedAt == null;
	}

	boolean removedByStaff() {
		return removedBy != null && Actors.isStaff(removedBy);
	}

	void remove(Actor actor, Instant now) {
		removedAt = now;
		removedBy = actor.id();
		removedVia = actor.channel();
	}

	/**
	 * Someone removed earlier is added again: a fresh membership, the old removal is in the history.
	 */
	void readd(Actor actor, Instant now) {
		removedAt = null;
		removedBy = null;
		removedVia = null;
		addedAt = now;
		addedBy = actor.id();
		addedVia = actor.channel();
	}

	void correctContact(String newName, String newPhone) {
		if (newName != null && !newName.isBlank()) {
			name = newName.strip();
		}
		if (newPhone != null && !newPhone.isBlank()) {
			phone = newPhone.strip();
		}
	}

	IssueDetails.Participant toView() {
		return new IssueDetails.Participant(email, name, phone, role.name(), addedAt, addedVia.name(), addedBy,
				removedAt, removedBy);
	}

}
