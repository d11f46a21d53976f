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
 * Someone who receives every update of an issue: its reporter or a CC recipient.
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

	protected Participant() {
	}

	Participant(Issue issue, String email, String name, String phone, Role role, Instant addedAt, Channel addedVia) {
		this.issue = issue;
		this.email = email;
		this.name = name;
		this.phone = phone;
		this.role = role;
		this.addedAt = addedAt;
		this.addedVia = addedVia;
	}

	boolean hasAddress(String address) {
		return normalized(email).equals(normalized(address));
	}

	static String normalized(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	IssueDetails.Participant toView() {
		return new IssueDetails.Participant(email, name, phone, role.name(), addedAt, addedVia.name());
	}

}
