package com.triagedesk.issues;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Stored issues. Package-private: other modules go through the façades.
 */
interface Issues extends Repository<Issue, Long> {

	Issue save(Issue issue);

	/**
	 * The issue with its participants. A fetch join rather than an entity graph: Hibernate caches
	 * the SQL of a query, but translates one with an entity graph again on every call (the look-up
	 * was a tenth of an intake's JVM samples under load in JFR, most of it that translation).
	 */
	@Query("select i from Issue i left join fetch i.participants where i.key = :key")
	Optional<Issue> findByKey(String key);

	/**
	 * The issue, locked until the transaction ends: new information from the reporter is applied
	 * one message at a time, so two follow-ups at once both land instead of one failing.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Issue i where i.key = :key")
	Optional<Issue> findAndLockByKey(String key);

	/**
	 * What is attached to an issue, without loading the files themselves.
	 */
	@Query("""
			select new com.triagedesk.issues.IssueDetails$Attachment(a.id, a.filename, a.contentType, str(a.kind), a.size, a.addedAt)
			from Attachment a where a.issue.id = :issueId order by a.id""")
	List<IssueDetails.Attachment> attachmentsOf(Long issueId);

	@Modifying
	@Query("update Attachment a set a.issue = :target where a.issue = :source")
	int moveAttachments(Issue source, Issue target);

	@Query("select i.key from Issue i where i.followUpOf.id = :issueId order by i.id")
	List<String> followUpsOf(Long issueId);

	/**
	 * The newest follow-up of a closed issue that is not closed itself: where further replies go.
	 */
	@Query("select i.key from Issue i where i.followUpOf.id = :issueId and i.status <> com.triagedesk.issues.IssueStatus.CLOSED order by i.id desc limit 1")
	Optional<String> openFollowUpOf(Long issueId);

	/**
	 * The issues merged into this one (their reporters' tokens keep working here).
	 */
	@Query("select i from Issue i where i.mergedInto.id = :issueId")
	List<Issue> findMergedInto(Long issueId);

	@Query("select i.key from Issue i where i.splitFrom.id = :issueId order by i.id")
	List<String> splitsOf(Long issueId);

	@Query("select i.key from Issue i where i.mergedInto.id = :issueId order by i.id")
	List<String> mergedInto(Long issueId);

	/**
	 * The next issue number; a sequence never hands out the same number twice, even across
	 * instances and rolled-back transactions.
	 */
	@Query(value = "select nextval('issue_key_seq')", nativeQuery = true)
	long nextKeyNumber();

}
