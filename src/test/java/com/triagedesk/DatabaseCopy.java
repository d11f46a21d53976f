package com.triagedesk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Everything in a PostgreSQL database through {@code COPY ... TO STDOUT} (the protocol pg_dump
 * uses), for two purposes: a text dump of every row of every table of every schema, to search for
 * what must never be stored; and a logical backup of every table that restores into a fresh
 * database whose schema Flyway made. The tables are found in the catalog, never listed by hand, so a
 * table added by a later migration is covered without anyone remembering it.
 */
final class DatabaseCopy {

	/** bytea in COPY's text format: {@code \x} and hex digits, the backslash escaped. */
	private static final Pattern BYTEA = Pattern.compile("\\\\\\\\x((?:[0-9a-f]{2})+)");

	private DatabaseCopy() {
	}

	/**
	 * A table (or partitioned table, or materialized view) outside the system schemas.
	 */
	record Table(String schema, String name, char kind) {

		String qualified() {
			return quote(schema) + "." + quote(name);
		}

	}

	/**
	 * The whole database as text: each table's rows as COPY writes them, then every bytea value
	 * found in them decoded as UTF-8, so the content of stored files is searched as text too.
	 */
	record Dump(String text, int tables, long rows, long bytes, long byteaValues) {
	}

	/**
	 * One table's rows in COPY's binary format, with the columns they hold.
	 */
	record TableData(Table table, List<String> columns, byte[] data, long rows) {
	}

	/**
	 * A consistent logical backup: every table's rows and every sequence's position, read in one
	 * snapshot (as pg_dump does), and the schema version it belongs to.
	 */
	record Backup(List<TableData> tables, Map<String, Long> sequences, String schemaVersion) {

		long rows() {
			return tables.stream().mapToLong(TableData::rows).sum();
		}

		long bytes() {
			return tables.stream().mapToLong(t -> t.data().length).sum();
		}

	}

	/**
	 * A connection of its own (not from the app's pool), from Spring's datasource properties.
	 */
	static Connection open(Map<String, String> properties) throws SQLException {
		return DriverManager.getConnection(properties.get("spring.datasource.url"),
				properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
	}

	static List<Table> tables(Connection connection) throws SQLException {
		List<Table> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("""
						select n.nspname, c.relname, c.relkind
						from pg_class c join pg_namespace n on n.oid = c.relnamespace
						where c.relkind in ('r', 'p', 'm')
						  and n.nspname not in ('pg_catalog', 'information_schema')
						  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
						order by n.nspname, c.relname""")) {
			while (rows.next()) {
				tables.add(new Table(rows.getString(1), rows.getString(2), rows.getString(3).charAt(0)));
			}
		}
		return tables;
	}

	/**
	 * Every row of every table (generated columns included: a search vector holds the words of the
	 * text it indexes), and the large objects, as text.
	 */
	static Dump dump(Connection connection) throws SQLException {
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		StringBuilder text = new StringBuilder();
		long rows = 0;
		long bytes = 0;
		List<Table> tables = tables(connection);
		for (Table table : tables) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			rows += copyOut(copy, "copy (select * from " + table.qualified() + ") to stdout", out);
			bytes += out.size();
			text.append("== ").append(table.qualified()).append('\n').append(out.toString(StandardCharsets.UTF_8));
		}
		// Large objects live in the catalog, outside every table above.
		ByteArrayOutputStream objects = new ByteArrayOutputStream();
		rows += copyOut(copy, "copy (select loid, pageno, data from pg_largeobject) to stdout", objects);
		bytes += objects.size();
		text.append("== pg_largeobject\n").append(objects.toString(StandardCharsets.UTF_8));
		long decoded = 0;
		StringBuilder files = new StringBuilder();
		Matcher bytea = BYTEA.matcher(text);
		while (bytea.find()) {
			files.append("\n== bytea\n")
				.append(new String(HexFormat.of().parseHex(bytea.group(1)), StandardCharsets.UTF_8));
			decoded++;
		}
		return new Dump(text.append(files).toString(), tables.size(), rows, bytes, decoded);
	}

	/**
	 * Reads every table and sequence in one repeatable-read snapshot, so rows that background
	 * workers change meanwhile cannot make the backup inconsistent.
	 */
	static Backup backup(Connection connection) throws SQLException {
		return backup(connection, snapshot -> {
		});
	}

	/**
	 * What else is read in the backup's snapshot, to compare a restore with exactly what was backed up.
	 */
	@FunctionalInterface
	interface SnapshotReader {

		void read(Connection snapshot) throws SQLException;

	}

	static Backup backup(Connection connection, SnapshotReader alsoRead) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		connection.setReadOnly(true);
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			List<TableData> tables = new ArrayList<>();
			for (Table table : tables(connection)) {
				if (table.kind() == 'm') {
					// A materialized view is refreshed from the tables, not restored.
					continue;
				}
				List<String> columns = storedColumns(connection, table);
				String list = String.join(", ", columns.stream().map(DatabaseCopy::quote).toList());
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				long rows = copyOut(copy, "copy " + (table.kind() == 'p' ? "(select " + list + " from " + table.qualified()
						+ ")" : table.qualified() + " (" + list + ")") + " to stdout (format binary)", out);
				tables.add(new TableData(table, columns, out.toByteArray(), rows));
			}
			Map<String, Long> sequences = new LinkedHashMap<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("""
							select quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value
							from pg_sequences where last_value is not null order by 1""")) {
				while (rows.next()) {
					sequences.put(rows.getString(1), rows.getLong(2));
				}
			}
			String version;
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(
							"select max(version::int)::text from flyway_schema_history where success and version is not null")) {
				rows.next();
				version = rows.getString(1);
			}
			alsoRead.read(connection);
			connection.commit();
			return new Backup(tables, sequences, version);
		}
		finally {
			connection.rollback();
			connection.setReadOnly(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Loads a backup into a database that has the schema (Flyway's migrations to the same version)
	 * and no rows: every table in one transaction with triggers and foreign-key checks off while it
	 * loads (as {@code pg_restore --disable-triggers}), then every sequence set to where it was.
	 * Flyway's own history is the target's: the schema was made by the same migrations.
	 */
	static void restore(Backup backup, Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local session_replication_role = replica");
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (TableData table : backup.tables()) {
				if (table.table().name().equals("flyway_schema_history")) {
					continue;
				}
				String list = String.join(", ", table.columns().stream().map(DatabaseCopy::quote).toList());
				try {
					copy.copyIn("copy " + table.table().qualified() + " (" + list + ") from stdin (format binary)",
							new ByteArrayInputStream(table.data()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
				for (Map.Entry<String, Long> sequence : backup.sequences().entrySet()) {
					setval.setString(1, sequence.getKey());
					setval.setLong(2, sequence.getValue());
					setval.execute();
				}
			}
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Every row of every table as JSON (in UTC), sorted, by table: two databases with the same rows
	 * give equal maps, whatever order their pages hold them in.
	 */
	static Map<String, List<String>> rows(Connection connection) throws SQLException {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			statement.execute("set time zone 'UTC'");
			for (Table table : tables(connection)) {
				List<String> json = new ArrayList<>();
				try (ResultSet result = statement.executeQuery("select row_to_json(t)::text from " + table.qualified()
						+ " t")) {
					while (result.next()) {
						json.add(result.getString(1));
					}
				}
				// Sorted here, not by the server: the two databases may collate text differently.
				json.sort(null);
				rows.put(table.qualified(), json);
			}
		}
		return rows;
	}

	/**
	 * The columns that hold data: not dropped, not generated (those are computed again on restore).
	 */
	private static List<String> storedColumns(Connection connection, Table table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select a.attname from pg_attribute a
				where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
				order by a.attnum""")) {
			statement.setString(1, table.qualified());
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
		return columns;
	}

	private static long copyOut(CopyManager copy, String sql, ByteArrayOutputStream out) throws SQLException {
		try {
			return copy.copyOut(sql, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
