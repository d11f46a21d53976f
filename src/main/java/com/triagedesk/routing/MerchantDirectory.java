package com.triagedesk.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who integrates, processes and looks after each merchant (by MSN and organization number), so a
 * redirect names the actual partner, PSP or POS vendor, and staff can escalate to the key account
 * manager. Kept in PostgreSQL; loaded from a CSV file at start-up.
 */
@Service
public class MerchantDirectory {

	private static final Logger log = LoggerFactory.getLogger(MerchantDirectory.class);

	static final List<String> COLUMNS = List.of("msn", "organization_number", "name", "partner", "partner_contact",
			"psp", "psp_contact", "pos_vendor", "pos_vendor_contact", "kam", "kam_email");

	private final JdbcClient jdbc;

	private final RoutingProperties properties;

	MerchantDirectory(JdbcClient jdbc, RoutingProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadAtStartUp() {
		String file = properties.merchantDirectory();
		if (file == null || file.isBlank()) {
			return;
		}
		try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			int count = importCsv(reader);
			log.info("Merchant directory: {} merchants loaded from {}", count, file);
		}
		catch (IOException | IllegalArgumentException ex) {
			// The app serves requests without the directory; redirects then name no company.
			log.error("Merchant directory not loaded from {}: {}", file, ex.getMessage());
		}
	}

	/**
	 * The merchant with this MSN, or else with this organization number.
	 */
	@Transactional(readOnly = true)
	public Optional<Merchant> find(String merchantSerialNumber, String organizationNumber) {
		if (merchantSerialNumber != null) {
			Optional<Merchant> byMsn = jdbc.sql("select * from merchant where msn = ?")
				.param(merchantSerialNumber)
				.query(MerchantDirectory::merchant)
				.optional();
			if (byMsn.isPresent()) {
				return byMsn;
			}
		}
		if (organizationNumber != null) {
			return jdbc.sql("select * from merchant where organization_number = ? order by id limit 1")
				.param(organizationNumber)
				.query(MerchantDirectory::merchant)
				.optional();
		}
		return Optional.empty();
	}

	/**
	 * Adds or updates merchants from CSV with a header row naming the columns {@link #COLUMNS}
	 * (any order; {@code msn} or {@code organization_number} required per row). All or nothing.
	 *
	 * @return how many rows were written
	 */
	@Transactional
	public int importCsv(Reader csv) {
		List<List<String>> rows = Csv.read(csv);
		if (rows.isEmpty()) {
			return 0;
		}
		List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		if (!header.contains("msn") && !header.contains("organization_number")) {
			throw new IllegalArgumentException("the header must name an msn or organization_number column");
		}
		int written = 0;
		for (int r = 1; r < rows.size(); r++) {
			Map<String, String> row = new HashMap<>();
			List<String> cells = rows.get(r);
			for (int c = 0; c < header.size() && c < cells.size(); c++) {
				String value = cells.get(c).strip();
				row.put(header.get(c), value.isEmpty() ? null : value);
			}
			if (row.get("msn") == null && row.get("organization_number") == null) {
				continue;
			}
			upsert(row);
			written++;
		}
		return written;
	}

	private void upsert(Map<String, String> row) {
		String msn = row.get("msn");
		String key = msn != null ? "msn" : "organization_number";
		int updated = jdbc.sql("update merchant set organization_number = coalesce(:organization_number, organization_number), "
				+ "name = :name, partner = :partner, partner_contact = :partner_contact, psp = :psp, "
				+ "psp_contact = :psp_contact, pos_vendor = :pos_vendor, pos_vendor_contact = :pos_vendor_contact, "
				+ "kam = :kam, kam_email = :kam_email, updated_at = now() where " + key + " = :" + key
				+ (msn == null ? " and msn is null" : ""))
			.params(params(row))
			.update();
		if (updated == 0) {
			jdbc.sql("insert into merchant (msn, organization_number, name, partner, partner_contact, psp, psp_contact, "
					+ "pos_vendor, pos_vendor_contact, kam, kam_email, updated_at) values (:msn, :organization_number, "
					+ ":name, :partner, :partner_contact, :psp, :psp_contact, :pos_vendor, :pos_vendor_contact, :kam, "
					+ ":kam_email, now())")
				.params(params(row))
				.update();
		}
	}

	private static Map<String, Object> params(Map<String, String> row) {
		Map<String, Object> params = new HashMap<>();
		COLUMNS.forEach(column -> params.put(column, row.get(column)));
		return params;
	}

	private static Merchant merchant(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Merchant(rs.getString("msn"), rs.getString("organization_number"), rs.getString("name"),
				rs.getString("partner"), rs.getString("partner_contact"), rs.getString("psp"),
				rs.getString("psp_contact"), rs.getString("pos_vendor"), rs.getString("pos_vendor_contact"),
				rs.getString("kam"), rs.getString("kam_email"));
	}

	/**
	 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
	 */
	static final class Csv {

		private Csv() {
		}

		static List<List<String>> read(Reader source) {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			try (BufferedReader reader = new BufferedReader(source)) {
				int c;
				while ((c = reader.read()) >= 0) {
					if (quoted) {
						if (c == '"') {
							reader.mark(1);
							int next = reader.read();
							if (next == '"') {
								field.append('"');
							}
							else {
								quoted = false;
								if (next >= 0) {
									reader.reset();
								}
							}
						}
						else {
							field.append((char) c);
						}
					}
					else if (c == '"') {
						quoted = true;
					}
					else if (c == ',' || c == ';') {
						row.add(field.toString());
						field.setLength(0);
					}
					else if (c == '\n') {
						row.add(field.toString());
						field.setLength(0);
						rows.add(row);
						row = new ArrayList<>();
					}
					else if (c != '\r') {
						field.append((char) c);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (!field.isEmpty() || !row.isEmpty()) {
				row.add(field.toString());
				rows.add(row);
			}
			rows.removeIf(r -> r.stream().allMatch(String::isBlank));
			return rows;
		}

	}

}
