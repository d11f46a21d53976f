package com.triagedesk.issues;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import com.triagedesk.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main reads keep using their indexes once there are many issues. The generator of
 * {@code bench/generate-data.sh} loads {@value #ISSUES} issues (with participants, threads and
 * history) into a schema of their own on the shared test server, so no other test sees them and
 * the planner sees tables big enough to prefer indexes; after ANALYZE each query is captured as
 * {@link IssueQueries} sends it (SQL and values, one statement per call) and its EXPLAIN must name
 * the intended index and scan no big table sequentially. The schema is dropped afterwards (on a
 * server given by {@code TRIAGE_TEST_DATABASE_URL} the user needs the right to create one).
 * <p>
 * The figures at a million issues are in the README ("A million issues"); this test keeps the
 * plans that gave them. Each test reads the generated issues only, so they share one load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlansIntegrationTest {

	static final String SCHEMA = "query_plans";

	static final int ISSUES = 20_000;

	static final Set<String> BIG_TABLES = Set.of("issue", "participant", "message", "issue_event");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SingleConnectionDataSource connection;

	private final Recorder recorder = new Recorder();

	private JdbcClient jdbc;

	private IssueQueries queries;

	private String agent;

	private String bigOrganization;

	private String smallMsn;

	private String orderId;

	@BeforeAll
	void loadIssues() throws SQLException, IOException {
		Map<String, String> database = TestDatabase.properties();
		String url = database.get("spring.datasource.url");
		String user = database.get("spring.datasource.username");
		String password = database.get("spring.datasource.password");
		try (SingleConnectionDataSource admin = new SingleConnectionDataSource(url, user, password, true)) {
			JdbcClient.create(admin).sql("drop schema if exists " + SCHEMA + " cascade").update();
		}
		Flyway.configure()
			.dataSource(url, user, password)
			.schemas(SCHEMA)
			.locations("classpath:db/migration")
			.load()
			.migrate();
		connection = new SingleConnectionDataSource(url, user, password, true);
		Properties properties = new Properties();
		properties.setProperty("currentSchema", SCHEMA);
		connection.setConnectionProperties(properties);
		jdbc = JdbcClient.create(connection);
		generate();
		// The list, the queue and the counts need only the clock and the connection.
		queries = new IssueQueries(null, null, null, Clock.systemUTC(), JdbcClient.create(recorder));
		agent = jdbc.sql("select assignee from issue where assignee is not null group by 1 order by count(*) desc limit 1")
			.query(String.class).single();
		bigOrganization = jdbc.sql("""
				select organization_number from issue where organization_number is not null
				group by 1 order by count(*) desc limit 1""").query(String.class).single();
		smallMsn = jdbc.sql("""
				select merchant_serial_number from issue where merchant_serial_number is not null
				group by 1 order by count(*), 1 limit 1""").query(String.class).single();
		orderId = jdbc.sql("select order_id from issue where order_id is not null order by id desc limit 1")
			.query(String.class).single();
	}

	/**
	 * What {@code bench/generate-data.sh} does, in one batch: reserve ids and keys, generate, ANALYZE.
	 */
	private void generate() throws SQLException, IOException {
		Connection session = connection.getConnection();
		jdbc.sql("set jit = off").update();
		jdbc.sql("set work_mem = '64MB'").update();
		jdbc.sql("select set_config('bench.count', ?, false)").param(String.valueOf(ISSUES)).query().singleRow();
		Map<String, Object> reserved = jdbc.sql(Files.readString(Path.of("bench", "reserve-ids.sql"))).query().singleRow();
		jdbc.sql("""
				select set_config('bench.now', ?, false), set_config('bench.issue_id_base', ?, false),
				       set_config('bench.participant_id_base', ?, false), set_config('bench.message_id_base', ?, false),
				       set_config('bench.event_id_base', ?, false), set_config('bench.key_base', ?, false),
				       set_config('bench.lo', '1', false), set_config('bench.hi', ?, false)""")
			.params(Stream.of("now_at", "issue_id", "participant_id", "message_id", "event_id", "key_number")
				.map(column -> (Object) String.valueOf(reserved.get(column)))
				.toList())
			.param(String.valueOf(ISSUES + 1))
			.query()
			.singleRow();
		ScriptUtils.executeSqlScript(session, new FileSystemResource(Path.of("bench", "generate-issues.sql")));
		jdbc.sql("analyze issue, participant, message, issue_event").update();
	}

	@AfterAll
	void dropSchema() {
		if (connection != null) {
			connection.destroy();
		}
		Map<String, String> database = TestDatabase.properties();
		try (SingleConnectionDataSource admin = new SingleConnectionDataSource(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"), true)) {
			JdbcClient.create(admin).sql("drop schema if exists " + SCHEMA + " cascade").update();
		}
	}

	@Test
	void theGeneratedIssuesAreThere() {
		assertThat(jdbc.sql("select count(*) from issue").query(Long.class).single()).isEqualTo(ISSUES);
		assertThat(jdbc.sql("select count(distinct status) from issue").query(Long.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from issue i where not exists (select 1 from participant p where p.issue_id = i.id and p.role = 'REPORTER')")
			.query(Long.class).single()).isZero();
	}

	// ---- the list (GET /api/v1/issues) ----------------------------------------------------

	@Test
	void theNewestIssuesAreReadInOrderFromTheIndex() {
		assertPlan(() -> list(filter(Set.of(), null, null, null, null, null)), "issue_updated_idx");
	}

	@Test
	void oneStatusIsReadInOrderFromItsIndex() {
		assertPlan(() -> list(filter(Set.of(IssueStatus.OPEN), null, null, null, null, null)), "issue_status_updated_idx");
	}

	@Test
	void severalStatusesUseAnIndex() {
		assertNoSequentialScan(() -> list(filter(Set.of(IssueStatus.NEEDS_INFO, IssueStatus.PENDING), null, null, null,
				null, null)));
	}

	@Test
	void anAssigneesIssuesAreReadInOrderFromTheirIndex() {
		assertPlan(() -> list(filter(Set.of(), agent, null, null, null, null)), "issue_assignee_idx");
	}

	@Test
	void theBiggestMerchantsIssuesAreReadInOrderFromTheirIndex() {
		assertPlan(() -> list(filter(Set.of(), null, bigOrganization, null, null, null)), "issue_org_idx");
	}

	@Test
	void aMerchantSerialNumberIsFoundByItsIndex() {
		assertPlan(() -> list(filter(Set.of(), null, null, smallMsn, null, null)), "issue_msn_idx");
	}

	@Test
	void recentChangesAreReadFromTheIndex() {
		assertPlan(() -> queries.list(new IssueFilter(Set.of(), null, null, null,
				Clock.systemUTC().instant().minus(Duration.ofDays(2)), null, null), null, 50), "issue_updated_idx");
	}

	@Test
	void theNextPageStartsInTheIndexWhereThePreviousEnded() {
		String cursor = queries.list(filter(Set.of(), null, null, null, null, null), null, 50).nextCursor();
		assertPlan(() -> queries.list(filter(Set.of(), null, null, null, null, null), cursor, 50), "issue_updated_idx");
	}

	@Test
	void aRouteUsesAnIndex() {
		assertNoSequentialScan(() -> list(filter(Set.of(), null, null, null, null, "PSP")));
	}

	// ---- full-text search (q, and the dashboard's search) ---------------------------------

	@Test
	void aRareWordIsLookedUpInTheIssuesFullTextIndex() {
		// and in the messages' one, inside issue_ids_in_messages (below)
		assertPlan(() -> list(filter(Set.of(), null, null, null, "certificate", null)), "issue_search_idx");
	}

	@Test
	void aCommonWordUsesAnIndex() {
		assertNoSequentialScan(() -> list(filter(Set.of(), null, null, null, "callback", null)));
	}

	@Test
	void aWordFoundNowhereUsesTheIssuesFullTextIndex() {
		assertPlan(() -> list(filter(Set.of(), null, null, null, "zzyzx", null)), "issue_search_idx");
	}

	// PostgreSQL estimated thousands of messages for a word outside its statistics, and with a
	// million issues walked them all for one found nowhere (2.3 s): the messages are counted first
	@ParameterizedTest
	@ValueSource(strings = { "zzyzx", "certificate" })
	void aWordInFewMessagesNamesTheirIssuesInsteadOfWalkingThemAll(String word) {
		List<String> statements = capture(() -> list(filter(Set.of(), null, null, null, word, null)));

		assertThat(statements).hasSize(2);
		assertThat(statements.get(0)).contains("issue_ids_in_messages");
		assertThat(statements.get(1)).doesNotContain("from message");
	}

	/**
	 * The look-up reads the full-text index with the settings of its function, also for a word
	 * PostgreSQL thinks common, not the table from its start.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "zzyzx", "callback" })
	void theMessagesThatHoldTheWordsAreLookedUpInTheirIndex(String word) {
		List<String> settings = jdbc.sql("select unnest(proconfig) from pg_proc where proname = 'issue_ids_in_messages'"
				+ " and pronamespace = current_schema()::regnamespace")
			.query(String.class)
			.list();
		String lookUp = "select m.issue_id from message m where m.search @@ websearch_to_tsquery('simple', '" + word
				+ "') limit " + IssueQueries.FEW_MESSAGES;
		JsonNode plan = explainWith(settings, lookUp);

		assertThat(jdbc.sql("select prosrc from pg_proc where proname = 'issue_ids_in_messages'"
				+ " and pronamespace = current_schema()::regnamespace").query(String.class).single())
			.contains("select m.issue_id from message m where m.search @@ websearch_to_tsquery('simple', words) limit bound");
		assertThat(indexes(plan)).as("%s%n%s", lookUp, plan).contains("message_search_idx");
		assertNoSequentialScan(lookUp, plan);
	}

	@Test
	void aWordInManyMessagesIsLookedForInTheListsOrder() {
		long messages = jdbc.sql("select count(*) from message where search @@ websearch_to_tsquery('simple', 'callback')")
			.query(Long.class)
			.single();
		List<String> statements = capture(() -> list(filter(Set.of(), null, null, null, "callback", null)));

		assertThat(messages).isGreaterThanOrEqualTo(IssueQueries.FEW_MESSAGES);
		assertThat(statements.get(1)).contains("exists (select 1 from message");
	}

	/** Whichever way a search goes, its page is the one a single query over every way of matching gives. */
	@ParameterizedTest
	@ValueSource(strings = { "zzyzx", "certificate", "callback", "timeout", "refunds" })
	void aSearchFindsWhatOneQueryOverEveryWayOfMatchingFinds(String word) {
		List<String> expected = jdbc.sql("""
				select i.issue_key from issue i where i.search @@ websearch_to_tsquery('simple', :q) or i.order_id = :q
				 or exists (select 1 from message m where m.issue_id = i.id and m.search @@ websearch_to_tsquery('simple', :q))
				order by i.updated_at desc, i.id desc limit 50""").param("q", word).query(String.class).list();

		assertThat(list(filter(Set.of(), null, null, null, word, null)).items()).extracting(IssueSummary::key)
			.as(word)
			.isEqualTo(expected);
	}

	@Test
	void anOrderIdIsFoundByItsIndex() {
		assertPlan(() -> list(filter(Set.of(), null, null, null, orderId, null)), "issue_order_id_idx");
	}

	@Test
	void aSearchWithinOneStatusUsesTheIndexes() {
		assertNoSequentialScan(() -> list(filter(Set.of(IssueStatus.OPEN), null, null, null, "timeout", null)));
	}

	// ---- the dashboard's queue and counts -------------------------------------------------

	@Test
	void theQueueIsReadInItsOrderFromItsIndex() {
		assertPlan(() -> queries.queue(Set.of(IssueStatus.OPEN), 101), "issue_queue_idx");
		assertPlan(() -> queries.queue(Set.of(IssueStatus.PENDING), 101), "issue_queue_idx");
	}

	@Test
	void theUnassignedAndMyQueuesUseTheQueueIndex() {
		assertPlan(() -> queries.queue(Set.of(IssueStatus.OPEN), "", null, 101), "issue_queue_idx");
		assertPlan(() -> queries.queue(Set.of(IssueStatus.OPEN), agent, null, 101), "issue_queue_idx");
		assertNoSequentialScan(() -> queries.queue(Set.of(IssueStatus.OPEN), null, "PSP", 101));
	}

	@Test
	void countingByStatusReadsTheRunningTotalsNotTheIssues() {
		List<JsonNode> nodes = nodes(explain(captureOne(() -> queries.countByStatus())));
		assertThat(nodes).extracting(node -> node.path("Relation Name").asString()).doesNotContain("issue");
		assertThat(queries.countByStatus()).isEqualTo(countedByStatus());
	}

	// ---- opening an issue (by key; its thread, history and files by issue id) -------------

	@Test
	void anIssueAndWhatBelongsToItAreFoundByTheirIndexes() {
		long id = jdbc.sql("select id from issue order by id desc limit 1").query(Long.class).single();
		String key = jdbc.sql("select issue_key from issue where id = ?").param(id).query(String.class).single();
		assertThat(indexes(explain("select * from issue i left join participant p on p.issue_id = i.id where i.issue_key = '"
				+ key + "'"))).contains("issue_issue_key_key", "participant_issue_email_key_uq");
		assertThat(indexes(explain("select * from message where issue_id = " + id + " order by created_at, id")))
			.contains("message_issue_idx");
		assertThat(indexes(explain("select * from issue_event where issue_id = " + id + " order by occurred_at, id")))
			.contains("issue_event_issue_idx");
	}

	// ---- helpers --------------------------------------------------------------------------

	private static IssueFilter filter(Set<IssueStatus> statuses, String assignee, String organizationNumber,
			String msn, String q, String route) {
		return new IssueFilter(statuses, assignee, organizationNumber, msn, null, q, route);
	}

	private IssuePage list(IssueFilter filter) {
		return queries.list(filter, null, 50);
	}

	private Map<IssueStatus, Long> countedByStatus() {
		Map<IssueStatus, Long> counts = new java.util.EnumMap<>(IssueStatus.class);
		for (IssueStatus status : IssueStatus.values()) {
			counts.put(status, jdbc.sql("select count(*) from issue where status = ? and merged_into_id is null")
				.param(status.name()).query(Long.class).single());
		}
		return counts;
	}

	/**
	 * Runs the call and answers the statements it sent with their values in place, as the server
	 * received them: one, or for a search the look-up of the messages that hold the words first.
	 */
	private List<String> capture(Runnable call) {
		recorder.statements.clear();
		call.run();
		assertThat(recorder.statements).as("statements sent by one call").hasSizeBetween(1, 2);
		return List.copyOf(recorder.statements);
	}

	private String captureOne(Runnable call) {
		List<String> statements = capture(call);
		assertThat(statements).as("statements sent by one call").hasSize(1);
		return statements.get(0);
	}

	/** The indexes are used by the statements of the call between them; none reads a big table whole. */
	private void assertPlan(Runnable call, String... indexes) {
		List<String> used = new ArrayList<>();
		for (String sql : capture(call)) {
			JsonNode plan = explain(sql);
			used.addAll(indexes(plan));
			assertNoSequentialScan(sql, plan);
		}
		assertThat(used).as("indexes used").contains(indexes);
	}

	private void assertNoSequentialScan(Runnable call) {
		for (String sql : capture(call)) {
			assertNoSequentialScan(sql, explain(sql));
		}
	}

	private static void assertNoSequentialScan(String sql, JsonNode plan) {
		assertThat(nodes(plan)).as("sequential scans in %s%n%s", sql, plan)
			.filteredOn(node -> node.path("Node Type").asString().equals("Seq Scan"))
			.extracting(node -> node.path("Relation Name").asString())
			.doesNotContainAnyElementsOf(BIG_TABLES);
	}

	/** The plan with the settings ("name=value") a function runs with. */
	private JsonNode explainWith(List<String> settings, String sql) {
		try {
			for (String setting : settings) {
				String[] nameAndValue = setting.split("=", 2);
				jdbc.sql("select set_config(?, ?, false)").params(nameAndValue[0], nameAndValue[1]).query(String.class).single();
			}
			return explain(sql);
		}
		finally {
			for (String setting : settings) {
				jdbc.sql("reset " + setting.split("=", 2)[0]).update();
			}
		}
	}

	private JsonNode explain(String sql) {
		String json = jdbc.sql("explain (format json) " + sql).query(String.class).single();
		return JSON.readTree(json).get(0).get("Plan");
	}

	private static List<String> indexes(JsonNode plan) {
		return nodes(plan).stream()
			.map(node -> node.path("Index Name").asString())
			.filter(name -> !name.isEmpty())
			.toList();
	}

	private static List<JsonNode> nodes(JsonNode plan) {
		List<JsonNode> nodes = new ArrayList<>();
		collect(plan, nodes::add);
		return nodes;
	}

	private static void collect(JsonNode node, Consumer<JsonNode> sink) {
		sink.accept(node);
		for (JsonNode child : node.path("Plans")) {
			collect(child, sink);
		}
	}

	/**
	 * The schema's connection, remembering each statement prepared on it with its values bound
	 * (PgJDBC's {@code toString} of a prepared statement), at the moment it is executed.
	 */
	private final class Recorder extends DelegatingDataSource {

		final List<String> statements = new ArrayList<>();

		@Override
		public Connection getConnection() throws SQLException {
			Connection target = connection.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						Object result = invoke(target, method, args);
						if (result instanceof PreparedStatement statement) {
							return recording(statement);
						}
						return result;
					});
		}

		private PreparedStatement recording(PreparedStatement target) {
			return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> {
						if (method.getName().startsWith("execute")) {
							statements.add(target.toString());
						}
						return invoke(target, method, args);
					});
		}

		@Override
		public DataSource getTargetDataSource() {
			return connection;
		}

	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
