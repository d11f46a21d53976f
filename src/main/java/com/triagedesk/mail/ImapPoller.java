package com.triagedesk.mail;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import com.triagedesk.Rounds;
import org.springframework.stereotype.Component;

/**
 * Polls the support mailbox over IMAP and hands each unread mail to {@link MailIntake}. One
 * instance polls at a time (a PostgreSQL advisory lock); mail is fetched without marking it read
 * and only marked (or moved) after its processing is committed, so a crash or an IMAP outage
 * loses nothing, and a mail seen twice is logged as a duplicate, not processed twice.
 */
@Component
class ImapPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

	/** The advisory lock every instance's poller takes; any constant no other code uses. */
	static final long LOCK = 0x7472696167650001L;

	/** Mails per round at most, so one round never holds the lock for long. */
	static final int MAX_PER_ROUND = 100;

	private final MailIntake intake;

	private final MailProperties properties;

	private final DataSource dataSource;

	private final Rounds rounds = new Rounds();

	ImapPoller(MailIntake intake, MailProperties properties, DataSource dataSource) {
		this.intake = intake;
		this.properties = properties;
		this.dataSource = dataSource;
	}

	/**
	 * One round: takes the lock (or returns when another instance holds it), reads unread mail,
	 * processes it, marks it.
	 *
	 * @return how many mails were processed
	 */
	int pollOnce() throws MessagingException, SQLException {
		MailProperties.Imap imap = properties.imap();
		if (!imap.enabled()) {
			return 0;
		}
		// A transaction-level lock on a connection of its own: rolling back releases it, whatever
		// happened, so no pooled connection is ever handed back still holding it.
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				if (!advisory(connection, "select pg_try_advisory_xact_lock(" + LOCK + ")")) {
					return 0;
				}
				return fetch(imap);
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	private int fetch(MailProperties.Imap imap) throws MessagingException {
		Properties settings = new Properties();
		String protocol = imap.protocol();
		// Fetching must not mark mail read: only a committed processing does.
		settings.put("mail." + protocol + ".peek", "true");
		settings.put("mail." + protocol + ".connectiontimeout", "10000");
		settings.put("mail." + protocol + ".timeout", "30000");
		Session session = Session.getInstance(settings);
		Store store = session.getStore(protocol);
		store.connect(imap.host(), imap.port(), imap.username(), imap.password());
		try {
			Folder folder = store.getFolder(imap.folder());
			folder.open(Folder.READ_WRITE);
			Folder processed = imap.processedFolder().isBlank() ? null : store.getFolder(imap.processedFolder());
			if (processed != null && !processed.exists()) {
				processed.create(Folder.HOLDS_MESSAGES);
			}
			int handled = 0;
			try {
				Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				for (Message message : unread) {
					if (handled >= MAX_PER_ROUND) {
						break;
					}
					ByteArrayOutputStream raw = new ByteArrayOutputStream();
					try {
						message.writeTo(raw);
					}
					catch (java.io.IOException ex) {
						throw new MessagingException("Could not read a message", ex);
					}
					MailIntake.Result result = intake.ingest(raw.toByteArray(), "IMAP");
					log.debug("IMAP mail processed: {} {}", result.outcome(), result.issueKey());
					if (processed != null) {
						folder.copyMessages(new Message[] { message }, processed);
						message.setFlag(Flags.Flag.DELETED, true);
					}
					else {
						message.setFlag(Flags.Flag.SEEN, true);
					}
					handled++;
				}
			}
			finally {
				folder.close(processed != null);
			}
			return handled;
		}
		finally {
			store.close();
		}
	}

	private static boolean advisory(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() && rs.getBoolean(1);
		}
	}

	@Override
	public void start() {
		if (!properties.imap().enabled()) {
			return;
		}
		rounds.start("imap-poller", properties.imap().poll(), this::poll);
		log.info("Polling {} on {}:{} every {}", properties.imap().folder(), properties.imap().host(),
				properties.imap().port(), properties.imap().poll());
	}

	private void poll() {
		try {
			pollOnce();
		}
		catch (MessagingException | SQLException | RuntimeException ex) {
			// The mailbox or the database is away; unread mail stays unread until the next round.
			log.warn("IMAP round failed: {}: {}", ex.getClass().getSimpleName(), Headers.oneLine(String.valueOf(ex.getMessage())));
		}
	}

	@Override
	public void stop() {
		rounds.stop();
	}

	@Override
	public boolean isRunning() {
		return rounds.running();
	}

}
