package com.triagedesk.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

	/**
	 * Longest value of one cell: names, contacts and links are short; anything longer is a broken file.
	 */
	static final int MAX_VALUE = 1000;

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
	 * The merchant with this MSN, or else with this organization number (the first one listed).
	 * One statement outside a transaction: the public form asks this as the developer types, and
	 * a read-only transaction around two look-ups cost an entity manager and three more round
	 * trips each time.
	 */
	public Optional<Merchant> find(String merchantSerialNumber, String organizationNumber) {
		if (merchantSerialNumber == null && organizationNumber == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select * from merchant
				where msn = cast(:msn as text) or organization_number = cast(:organizationNumber as text)
				order by (msn = cast(:msn as text)) is true desc, id
				limit 1""")
			.param("msn", merchantSerialNumber)
			.param("organizationNumber", organizationNumber)
			.query(MerchantDirectory::merchant)
			.optional();
	}

	/**
	 * The merchant with exactly this MSN.
	 */
	@Transactional(readOnly = true)
	public Optional<Merchant> byMerchantSerialNumber(String merchantSerialNumber) {
		return jdbc.sql("select * from merchant where msn = ?")
			.param(merchantSerialNumber)
			.query(MerchantDirectory::merchant)
			.optional();
	}

	/**
	 * Merchants in the order they were added, a page at a time; {@code q} matches the MSN or
	 * organization number exactly, or a part of a name (merchant, partner, PSP, POS vendor, KAM).
	 *
	 * @param after the {@code nextCursor} of the previous page, or null for the first
	 */
	@Transactional(readOnly = true)
	public MerchantPage list(String q, String after, int limit) {
		long afterId = 0;
		if (after != null && !after.isBlank()) {
			try {
				afterId = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(after.strip()),
						StandardCharsets.UTF_8));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("The cursor is not one this service handed out; start again without it.");
			}
		}
		String like = q == null || q.isBlank() ? null : "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_") + "%";
		List<Row> rows = jdbc.sql("""
				select * from merchant
				where id > :after
				  and (cast(:q as text) is null or msn = :exact or organization_number = :exact
				       or name ilike :q or partner ilike :q or psp ilike :q or pos_vendor ilike :q or kam ilike :q)
				order by id limit :limit
				""")
			.param("after", afterId)
			.param("q", like)
			.param("exact", q == null ? null : q.strip())
			.param("limit", limit + 1)
			.query((rs, row) -> new Row(rs.getLong("id"), merchant(rs, row)))
			.list();
		boolean more = rows.size() > limit;
		List<Row> page = more ? rows.subList(0, limit) : rows;
		String next = more ? java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(Long.toString(page.get(limit - 1).id()).getBytes(StandardCharsets.UTF_8)) : null;
		return new MerchantPage(page.stream().map(Row::merchant).toList(), next);
	}

	private record Row(long id, Merchant merchant) {
	}

	/**
	 * Adds the merchant, or replaces what the directory says about the merchant with its MSN.
	 *
	 * @return true when it was new
	 */
	@Transactional
	public boolean save(Merchant merchant) {
		if (!validMerchantSerialNumber(merchant.merchantSerialNumber())) {
			throw new IllegalArgumentException("An MSN is 4 to 7 digits.");
		}
		// One statement, so concurrent saves of a new MSN cannot both insert (or both say "added");
		// every field is replaced, absent ones cleared.
		return jdbc.sql("""
				insert into merchant (msn, organization_number, name, partner, partner_contact, psp, psp_contact,
				                      pos_vendor, pos_vendor_contact, kam, kam_email, updated_at)
				values (:msn, :organization_number, :name, :partner, :partner_contact, :psp, :psp_contact,
				        :pos_vendor, :pos_vendor_contact, :kam, :kam_email, now())
				on conflict (msn) do update set organization_number = excluded.organization_number,
				    name = excluded.name, partner = excluded.partner, partner_contact = excluded.partner_contact,
				    psp = excluded.psp, psp_contact = excluded.psp_contact, pos_vendor = excluded.pos_vendor,
				    pos_vendor_contact = excluded.pos_vendor_contact, kam = excluded.kam, kam_email = excluded.kam_email,
				    updated_at = now()
				returning (xmax = 0) as inserted""")
			.params(params(row(merchant)))
			.query(Boolean.class)
			.single();
	}

	/**
	 * MSNs are digit strings; the specifications say 4–6, 5–6 and 5–7 digits, so 4–7 are accepted.
	 */
	public static boolean validMerchantSerialNumber(String msn) {
		return msn != null && msn.length() >= 4 && msn.length() <= 7 && msn.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	@Transactional
	public boolean remove(String merchantSerialNumber) {
		return jdbc.sql("delete from merchant where msn = ?").param(merchantSerialNumber).update() == 1;
	}

	private static Map<String, String> row(Merchant merchant) {
		Map<String, String> row = new HashMap<>();
		row.put("msn", merchant.merchantSerialNumber());
		row.put("organization_number", merchant.organizationNumber());
		row.put("name", merchant.name());
		row.put("partner", merchant.partner());
		row.put("partner_contact", merchant.partnerContact());
		row.put("psp", merchant.psp());
		row.put("psp_contact", merchant.pspContact());
		row.put("pos_vendor", merchant.posVendor());
		row.put("pos_vendor_contact", merchant.posVendorContact());
		row.put("kam", merchant.keyAccountManager());
		row.put("kam_email", merchant.keyAccountManagerEmail());
		return row;
	}

	/**
	 * A CSV file as uploaded (the API's import and the dashboard's upload): UTF-8 strictly (a file
	 * in another encoding would otherwise be stored with replacement characters), not empty, with
	 * at least one merchant; then {@link #importCsv(Reader)}.
	 *
	 * @throws IllegalArgumentException saying what is wrong with the file; nothing is changed
	 */
	@Transactional
	public int importFile(byte[] csv) {
		if (csv == null || csv.length == 0) {
			throw new IllegalArgumentException("The CSV file is empty.");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(csv))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("The CSV file is not UTF-8; export it as \"CSV UTF-8\".");
		}
		int imported = importCsv(new java.io.StringReader(text));
		if (imported == 0) {
			throw new IllegalArgumentException("The CSV file has a header but no merchants.");
		}
		return imported;
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
		// Excel's "CSV UTF-8" starts with a byte-order mark.
		List<String> header = rows.get(0)
			.stream()
			.map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
			.toList();
		if (!header.contains("msn") && !header.contains("organization_number")) {
			throw new IllegalArgumentException("the header must name an msn or organization_number column");
		}
		List<String> unknown = header.stream()
			.filter(column -> !COLUMNS.contains(column))
			.map(column -> column.length() > 40 ? column.substring(0, 40) + "…" : column)
			.limit(10)
			.toList();
		if (!unknown.isEmpty()) {
			// A misspelt column would otherwise be dropped without a word.
			throw new IllegalArgumentException("unknown columns " + unknown + "; the columns are " + COLUMNS);
		}
		Map<String, Integer> seen = new HashMap<>();
		int written = 0;
		for (int r = 1; r < rows.size(); r++) {
			Map<String, String> row = new HashMap<>();
			List<String> cells = rows.get(r);
			for (int c = 0; c < header.size() && c < cells.size(); c++) {
				String value = cells.get(c).strip();
				row.put(header.get(c), value.isEmpty() ? null : value);
			}
			if (row.get("msn") == null && row.get("organization_number") == null) {
				throw new IllegalArgumentException("Row " + (r + 1) + " has neither msn nor organization_number.");
			}
			if (row.get("msn") != null && !validMerchantSerialNumber(row.get("msn"))) {
				throw new IllegalArgumentException("Row " + (r + 1) + ": the msn must be 4 to 7 digits.");
			}
			String identity = row.get("msn") != null ? "msn " + row.get("msn") : "organization_number " + row.get("organization_number");
			Integer earlier = seen.put(identity, r + 1);
			if (earlier != null) {
				throw new IllegalArgumentException("Rows " + earlier + " and " + (r + 1) + " both have " + identity + ".");
			}
			for (Map.Entry<String, String> cell : row.entrySet()) {
				if (cell.getValue() != null && cell.getValue().length() > MAX_VALUE) {
					throw new IllegalArgumentException("Row " + (r + 1) + ": " + cell.getKey() + " is longer than "
							+ MAX_VALUE + " characters.");
				}
				if (cell.getValue() != null && cell.getValue().chars().anyMatch(ch -> ch < 0x20 && ch != '\t')) {
					// Quoted line breaks are fine in CSV, not in a name or a contact; NUL cannot be stored.
					throw new IllegalArgumentException("Row " + (r + 1) + ": " + cell.getKey()
							+ " contains control characters or line breaks.");
				}
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
