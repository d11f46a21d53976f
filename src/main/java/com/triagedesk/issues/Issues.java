package com.triagedesk.issues;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Stored issues. Package-private: other modules go through the façades.
 */
interface Issues extends Repository<Issue, Long> {

	Issue save(Issue issue);

	@EntityGraph(attributePaths = "participants")
	Optional<Issue> findByKey(String key);

	/**
	 * What is attached to an issue, without loading the files themselves.
	 */
	@Query("""
			select new com.triagedesk.issues.IssueDetails$Attachment(a.id, a.filename, a.contentType, str(a.kind), a.size, a.addedAt)
			from Attachment a where a.issue.key = :key order by a.id""")
	List<IssueDetails.Attachment> attachmentsOf(String key);

	/**
	 * The next issue number; a sequence never hands out the same number twice, even across
	 * instances and rolled-back transactions.
	 */
	@Query(value = "select nextval('issue_key_seq')", nativeQuery = true)
	long nextKeyNumber();

}
