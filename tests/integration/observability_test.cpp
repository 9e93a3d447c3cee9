// Observability end to end: the real GET /metrics output, the Prometheus scrape
// config, alert rules and Grafana dashboard in deploy/, and a real Prometheus
// server scraping a real hirag.
//
// What is checked:
//   * /metrics passes `promtool check metrics` (only tolerated lint: see kAcceptableLint);
//   * every metric family of the prototype (the seed's names) is exposed;
//   * deploy/prometheus passes `promtool check config|check rules|test rules`;
//   * every metric name used by an alert or a dashboard panel exists in /metrics,
//     and every family /metrics exposes has a dashboard panel;
//   * the route label is the route template, never the raw path;
//   * [metrics] bearer_token protects /metrics with a 401 envelope;
//   * prometheus (Debian package, see scripts/install-deps.sh) scrapes the server,
//     loads alerts.yml and evaluates every dashboard expression.
// promtool/prometheus missing from PATH skips those tests (with a message) rather
// than failing them. No timing thresholds: waits are bounded polls.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/fake_openai.hpp"
#include "support/server_process.hpp"

extern char** environ;

namespace hirag::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// ---------------------------------------------------------------------------
// Paths and small helpers

std::string repo_path(const std::string& relative) { return std::string(HIRAG_SOURCE_DIR) + "/" + relative; }

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Full path of an executable on PATH, or "" when there is none.
std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = dir + "/" + name;
    if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// Polls `done` every 250 ms until it holds or `limit` passes.
bool eventually(const std::function<bool()>& done, std::chrono::seconds limit = 60s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(250ms);
  }
  return done();
}

// The string of a JSON string value, "" for anything else.
std::string text_of(const boost::json::value& v) { return v.is_string() ? std::string(v.as_string()) : ""; }

// application/x-www-form-urlencoded value: unreserved characters kept, the rest %XX.
std::string url_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Child processes (promtool to completion, prometheus in the background)

struct Output {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Spawns argv[0] (a full path) with stdin/stdout/stderr redirected to files;
// returns the pid or -1.
pid_t spawn(const std::vector<std::string>& argv, const std::string& in_path, const std::string& out_path,
            const std::string& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// Runs a command to completion with `stdin_text` on its standard input.
Output run(const std::vector<std::string>& argv, const std::string& stdin_text = "") {
  TempDir dir;
  const std::string in = dir.path() + "/stdin", out = dir.path() + "/stdout", err = dir.path() + "/stderr";
  write_text(in, stdin_text);
  Output result;
  const pid_t pid = spawn(argv, in, out, err);
  if (pid < 0) {
    result.err = "cannot start " + argv[0];
    return result;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

// A real Prometheus server on a free loopback port, stopped (SIGTERM, then
// SIGKILL) and reaped on destruction.
class PrometheusProcess {
 public:
  PrometheusProcess(const std::string& binary, const std::string& config_path, const std::string& work_dir)
      : port_(free_port()), log_path_(work_dir + "/prometheus.log") {
    const std::string null_in = "/dev/null";
    pid_ = spawn({binary, "--config.file=" + config_path, "--storage.tsdb.path=" + work_dir + "/tsdb",
                  "--web.listen-address=127.0.0.1:" + std::to_string(port_), "--log.level=warn"},
                 null_in, work_dir + "/prometheus.out", log_path_);
  }
  ~PrometheusProcess() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {  // up to 10 s for a clean TSDB shutdown
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(100ms);
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  PrometheusProcess(const PrometheusProcess&) = delete;
  PrometheusProcess& operator=(const PrometheusProcess&) = delete;

  bool started() const { return pid_ > 0; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string log() const { return read_text(log_path_); }

 private:
  int port_;
  std::string log_path_;
  pid_t pid_ = -1;
};

// ---------------------------------------------------------------------------
// The exposition format: family names and types, sample names

struct Exposition {
  std::map<std::string, std::string> types;  // family -> counter|gauge|histogram|summary|untyped
  std::set<std::string> with_samples;        // families that have at least one sample line
  std::vector<std::string> sample_lines;

  // True if `name` is a family, or a _bucket/_sum/_count series of a histogram or summary family.
  bool has(const std::string& name) const { return !family_of(name).empty(); }
  std::string family_of(const std::string& name) const {
    if (types.count(name)) return name;
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
      if (!ends_with(name, suffix)) continue;
      const std::string base = name.substr(0, name.size() - std::string_view(suffix).size());
      auto it = types.find(base);
      if (it != types.end() && (it->second == "histogram" || it->second == "summary")) return base;
    }
    return "";
  }
};

Exposition parse_exposition(const std::string& text) {
  Exposition e;
  for (const auto& line : lines_of(text)) {
    if (line.empty()) continue;
    if (starts_with(line, "# TYPE ")) {
      std::istringstream fields(line.substr(7));
      std::string name, type;
      fields >> name >> type;
      e.types[name] = type;
      continue;
    }
    if (line[0] == '#') continue;
    e.sample_lines.push_back(line);
    const std::string sample = line.substr(0, line.find_first_of("{ "));
    const std::string family = e.family_of(sample);
    e.with_samples.insert(family.empty() ? sample : family);
  }
  return e;
}

// ---------------------------------------------------------------------------
// PromQL: the metric names an expression selects

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':'; }

// Index just past the string literal that starts at `i` (", ' or `).
size_t skip_string(std::string_view s, size_t i) {
  const char quote = s[i++];
  while (i < s.size() && s[i] != quote) i += (s[i] == '\\' && quote != '`') ? 2 : 1;
  return std::min(i + 1, s.size());
}

// Index just past the bracket group (...), {...} or [...] that opens at `i`.
size_t skip_group(std::string_view s, size_t i) {
  const char open = s[i];
  const char close = open == '(' ? ')' : open == '{' ? '}' : ']';
  int depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"' || c == '\'' || c == '`') {
      i = skip_string(s, i);
      continue;
    }
    if (c == open) ++depth;
    if (c == close && --depth == 0) return i + 1;
    ++i;
  }
  return s.size();
}

// Identifiers followed by '{', '[' or used bare that are not functions,
// aggregations, keywords, label lists (by/without/on/ignoring (...)), label
// matchers, strings, numbers, durations or Grafana variables ($job,
// $__rate_interval). `up` is Prometheus' own series and is left out.
std::set<std::string> metric_names_in(std::string_view expr) {
  static const std::set<std::string, std::less<>> kAggregations = {
      "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile"};
  static const std::set<std::string, std::less<>> kLabelLists = {"by", "without", "on", "ignoring", "group_left",
                                                                 "group_right"};
  static const std::set<std::string, std::less<>> kKeywords = {"and", "or", "unless", "bool", "offset",
                                                               "atan2", "inf", "nan", "up"};
  std::set<std::string> names;
  size_t i = 0;
  while (i < expr.size()) {
    const char c = expr[i];
    if (c == '"' || c == '\'' || c == '`') {
      i = skip_string(expr, i);
    } else if (c == '{' || c == '[') {
      i = skip_group(expr, i);
    } else if (c == '$') {  // Grafana variable
      ++i;
      while (i < expr.size() && is_ident_char(expr[i])) ++i;
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {  // number or duration
      while (i < expr.size() && (is_ident_char(expr[i]) || expr[i] == '.')) ++i;
    } else if (is_ident_start(c)) {
      const size_t start = i;
      while (i < expr.size() && is_ident_char(expr[i])) ++i;
      const std::string ident(expr.substr(start, i - start));
      size_t next = i;
      while (next < expr.size() && std::isspace(static_cast<unsigned char>(expr[next]))) ++next;
      const bool call = next < expr.size() && expr[next] == '(';
      if (kLabelLists.count(ident)) {
        if (call) i = skip_group(expr, next);  // by (route, le): label names, not metrics
      } else if (!call && !kAggregations.count(ident) && !kKeywords.count(ident)) {
        names.insert(ident);
      }
    } else {
      ++i;
    }
  }
  return names;
}

// The `expr:` of every rule in a Prometheus rule file (inline or block scalar).
std::vector<std::string> rule_expressions(const std::string& yaml) {
  std::vector<std::string> exprs;
  const auto lines = lines_of(yaml);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos || line.compare(indent, 5, "expr:") != 0) continue;
    std::string rest = line.substr(indent + 5);
    rest.erase(0, rest.find_first_not_of(' '));
    if (rest.empty() || rest[0] == '|' || rest[0] == '>') {  // block scalar: the more-indented lines
      std::string block;
      while (i + 1 < lines.size()) {
        const std::string& more = lines[i + 1];
        const size_t more_indent = more.find_first_not_of(' ');
        if (more_indent != std::string::npos && more_indent <= indent) break;
        block += more + "\n";
        ++i;
      }
      exprs.push_back(block);
    } else {
      if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'')) rest = rest.substr(1, rest.size() - 2);
      exprs.push_back(rest);
    }
  }
  return exprs;
}

// Every "expr" of every panel target (rows may nest panels).
void collect_panel_expressions(const boost::json::value& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    const auto& object = node.as_object();
    if (const auto* targets = object.if_contains("targets"); targets && targets->is_array()) {
      for (const auto& target : targets->as_array()) {
        if (const auto* expr = target.as_object().if_contains("expr"); expr && expr->is_string()) {
          out.emplace_back(expr->as_string());
        }
      }
    }
    if (const auto* panels = object.if_contains("panels")) collect_panel_expressions(*panels, out);
  } else if (node.is_array()) {
    for (const auto& child : node.as_array()) collect_panel_expressions(child, out);
  }
}

std::vector<std::string> dashboard_expressions() {
  const auto dashboard = boost::json::parse(read_text(repo_path("deploy/grafana/hirag.json")));
  std::vector<std::string> exprs;
  collect_panel_expressions(dashboard.at("panels"), exprs);
  return exprs;
}

// A dashboard expression with its Grafana variables replaced, ready for Prometheus.
std::string without_grafana_variables(std::string expr) {
  const std::vector<std::pair<std::string, std::string>> variables = {
      {"$__rate_interval", "1m"}, {"$instance", ".*"}, {"$job", ".*"}};
  for (const auto& [name, value] : variables) {
    for (size_t at = expr.find(name); at != std::string::npos; at = expr.find(name, at + value.size())) {
      expr.replace(at, name.size(), value);
    }
  }
  return expr;
}

// ---------------------------------------------------------------------------
// Families and lint

// The prototype's families (seed: "Comprehensive Metrics Scaffolding"), exact names.
const std::vector<std::string> kSeedFamilies = {
    "vision_search_requests_total", "vision_decode_requests_total",  "vision_index_requests_total",
    "vision_request_duration_seconds", "facts_insert_requests_total", "facts_query_requests_total",
    "facts_duplicates_total",          "facts_request_duration_seconds", "token_budget_used",
    "token_budget_remaining",          "token_budget_overflows_total", "token_budget_summarizations_total",
    "rate_limit_hits_total",           "rate_limit_allowed_total",   "context_retrievals_total",
    "context_storage_total"};

// `promtool check metrics` lint messages we accept. token_budget_used and
// token_budget_remaining are histograms of token counts whose names the seed
// fixes, so a complaint about their (missing) unit is tolerated; nothing else.
bool acceptable_lint(const std::string& line) {
  if (line.empty()) return true;
  const bool seed_token_histogram =
      starts_with(line, "token_budget_used ") || starts_with(line, "token_budget_remaining ");
  return seed_token_histogram && line.find("unit") != std::string::npos;
}

// ---------------------------------------------------------------------------
// A server with traffic on every area (shared by the tests that read /metrics)

class ObservabilityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    fake_ = new FakeOpenAi();
    const std::string data = dir_->path() + "/data";
    main_key_ = new std::string(create_api_key(data, "obs"));
    flood_key_ = new std::string(create_api_key(data, "flood"));
    // Remote embedder and summarizer on the fake OpenAI server, so the
    // embedder_* / llm_* / summarizer_* families get series.
    ServerOptions options{.env = {{"HIRAG_RATE_LIMIT__REQUESTS_PER_WINDOW", "40"},
                                  {"HIRAG_RATE_LIMIT__WINDOW_SECS", "3600"},
                                  {"HIRAG_EMBEDDER__PROVIDER", "openai"},
                                  {"HIRAG_EMBEDDER__BASE_URL", fake_->base_url()},
                                  {"HIRAG_EMBEDDER__MODEL", "fake-embed"},
                                  {"HIRAG_EMBEDDER__DIMENSION", "8"},
                                  {"HIRAG_SUMMARIZER__PROVIDER", "openai"},
                                  {"HIRAG_SUMMARIZER__BASE_URL", fake_->base_url()},
                                  {"HIRAG_SUMMARIZER__MODEL", "fake-chat"}},
                          .data_dir = data};
    server_ = new ServerProcess(options);
    exercise(*server_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete fake_;
    delete main_key_;
    delete flood_key_;
    delete dir_;
  }

  // Best effort: one or more requests per area. Statuses are not asserted here
  // (other suites own the behaviour); routes not wired yet simply answer 404.
  static void exercise(ServerProcess& server) {
    auto anonymous = server.client();
    anonymous.get("/health");
    anonymous.get("/health/live");
    anonymous.get("/nope/123");
    anonymous.post("/api/v1/tokens/count", R"({"text":"hello"})");  // no key: auth failure "missing"
    auto http = server.client();
    http.set_bearer(*main_key_);
    http.post("/api/v1/tokens/count", R"({"text":"hello observability"})");
    for (const char* text : {"the vault code is 7741", "alice moved to Lisbon in May", "bob likes green tea"}) {
      http.post_json("/api/v1/contexts", boost::json::object{{"text", text}, {"level", "LongTerm"}});
    }
    http.post_json("/api/v1/contexts/search", boost::json::object{{"query", "vault code"}, {"top_k", 5}});
    http.post_json("/api/v1/contexts/search", boost::json::object{{"query", "vault code"}, {"top_k", 5}});
    // A conversation far over its window: the build must fold (overflow) and summarize.
    boost::json::array turns;
    for (int i = 0; i < 40; ++i) {
      std::string content;
      for (int w = 0; w < 30; ++w) content += "turn " + std::to_string(i) + " talks about the vault ";
      turns.push_back(boost::json::object{{"role", i % 2 ? "assistant" : "user"}, {"content", content}});
    }
    http.post_json("/api/v1/context/build", boost::json::object{{"turns", turns},
                                                                {"query", "vault"},
                                                                {"max_tokens", 1000},
                                                                {"completion_tokens", 100}});
    http.post_json("/api/v1/sessions/obs-session/turns", boost::json::object{{"role", "user"}, {"content", "hi"}});
    http.get("/api/v1/sessions/obs-session");
    // The flood tenant goes over its quota of 40: rate_limit_hits_total{client_id="flood"}.
    auto flood = server.client();
    flood.set_bearer(*flood_key_);
    for (int i = 0; i < 45; ++i) flood.post("/api/v1/tokens/count", R"({"text":"x"})");
  }

  static std::string metrics_text() {
    auto http = server_->client();
    auto response = http.get("/metrics");
    EXPECT_EQ(response.status, 200) << response.body;
    return response.body;
  }

  static TempDir* dir_;
  static FakeOpenAi* fake_;
  static ServerProcess* server_;
  static std::string* main_key_;
  static std::string* flood_key_;
};

TempDir* ObservabilityTest::dir_ = nullptr;
FakeOpenAi* ObservabilityTest::fake_ = nullptr;
ServerProcess* ObservabilityTest::server_ = nullptr;
std::string* ObservabilityTest::main_key_ = nullptr;
std::string* ObservabilityTest::flood_key_ = nullptr;

#define REQUIRE_TOOL(var, name)                                                           \
  const std::string var = find_on_path(name);                                             \
  if (var.empty()) GTEST_SKIP() << name << " is not installed (scripts/install-deps.sh)"

// ---------------------------------------------------------------------------
// Tests

TEST_F(ObservabilityTest, MetricsOutputPassesPromtoolCheckMetrics) {
  REQUIRE_TOOL(promtool, "promtool");
  const std::string text = metrics_text();
  ASSERT_FALSE(text.empty());
  const Output check = run({promtool, "check", "metrics"}, text);
  // 0 = clean, 3 = lint problems only (judged below); anything else is a parse error.
  ASSERT_TRUE(check.exit_code == 0 || check.exit_code == 3)
      << "exit " << check.exit_code << "\n" << check.out << check.err;
  for (const auto& line : lines_of(check.out + check.err)) {
    EXPECT_TRUE(acceptable_lint(line)) << "promtool check metrics: " << line;
  }
}

TEST_F(ObservabilityTest, EverySeedFamilyIsExposed) {
  const Exposition exposition = parse_exposition(metrics_text());
  std::vector<std::string> missing;
  for (const auto& family : kSeedFamilies) {
    if (!exposition.types.count(family)) missing.push_back(family);
  }
  std::string list;
  for (const auto& m : missing) list += " " + m;
  EXPECT_TRUE(missing.empty()) << "seed families missing from GET /metrics:" << list;
}

TEST_F(ObservabilityTest, AlertAndDashboardMetricNamesExistInMetrics) {
  const Exposition exposition = parse_exposition(metrics_text());
  const auto alerts = rule_expressions(read_text(repo_path("deploy/prometheus/alerts.yml")));
  const auto panels = dashboard_expressions();
  ASSERT_EQ(alerts.size(), 9u) << "one expr per alert in alerts.yml";
  ASSERT_GE(panels.size(), 30u);
  for (const auto& [source, exprs] : {std::pair{"alerts.yml", alerts}, std::pair{"hirag.json", panels}}) {
    for (const auto& expr : exprs) {
      const auto names = metric_names_in(expr);
      for (const auto& name : names) {
        EXPECT_TRUE(exposition.has(name)) << source << " uses " << name << ", which GET /metrics does not expose\n"
                                          << "  in: " << expr;
      }
    }
  }
}

TEST_F(ObservabilityTest, DashboardHasAPanelForEveryExposedFamily) {
  const Exposition exposition = parse_exposition(metrics_text());
  std::set<std::string> used;
  for (const auto& expr : dashboard_expressions()) {
    for (const auto& name : metric_names_in(expr)) {
      const std::string family = exposition.family_of(name);
      used.insert(family.empty() ? name : family);
    }
  }
  for (const auto& [family, type] : exposition.types) {
    EXPECT_TRUE(used.count(family)) << family << " (" << type << ") has no panel in deploy/grafana/hirag.json";
  }
}

TEST(ObservabilityMetricNamesTest, ParserFindsSelectorsAndSkipsEverythingElse) {
  using Names = std::set<std::string>;
  EXPECT_EQ(metric_names_in(R"(sum by (route, le) (rate(http_request_duration_seconds_bucket{job=~"$job"}[$__rate_interval])))"),
            (Names{"http_request_duration_seconds_bucket"}));
  EXPECT_EQ(metric_names_in(R"(label_replace(sum by (job) (rate(embedder_errors_total[5m])) > 0.05, "upstream", "e", "", "") or up == 0)"),
            (Names{"embedder_errors_total"}));
  EXPECT_EQ(metric_names_in("increase(token_budget_overflows_total[15m]) > 0 unless on (instance) memory_items"),
            (Names{"token_budget_overflows_total", "memory_items"}));
  EXPECT_EQ(metric_names_in(R"(60 * sum (rate(a_total{x="{not_a_metric}"}[1m])) / count without (le) (b))"),
            (Names{"a_total", "b"}));
}

TEST(ObservabilityConfigTest, PromtoolAcceptsConfigRulesAndRuleTests) {
  REQUIRE_TOOL(promtool, "promtool");
  const std::string dir = repo_path("deploy/prometheus");
  const Output rules = run({promtool, "check", "rules", dir + "/alerts.yml"});
  EXPECT_EQ(rules.exit_code, 0) << rules.out << rules.err;
  const size_t alert_count = rule_expressions(read_text(repo_path("deploy/prometheus/alerts.yml"))).size();
  EXPECT_NE(rules.out.find("SUCCESS: " + std::to_string(alert_count) + " rules found"), std::string::npos)
      << rules.out;
  // rule_files in alerts_test.yml / prometheus.yml are relative to the file itself.
  const Output tests = run({promtool, "test", "rules", dir + "/alerts_test.yml"});
  EXPECT_EQ(tests.exit_code, 0) << tests.out << tests.err;
  const Output config = run({promtool, "check", "config", dir + "/prometheus.yml"});
  EXPECT_EQ(config.exit_code, 0) << config.out << config.err;
}

TEST(ObservabilityRouteLabelTest, RouteLabelIsTheTemplateNotTheRawPath) {
  ServerProcess server;
  auto http = server.client();
  EXPECT_EQ(http.get("/health").status, 200);
  EXPECT_EQ(http.get("/health").status, 200);
  EXPECT_EQ(http.get("/nope/123").status, 404);
  const auto session = http.get("/api/v1/sessions/s-4242");
  const std::string text = http.get("/metrics").body;
  EXPECT_NE(text.find(R"(http_requests_total{method="GET",route="/health",status="200"} 2)"), std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(http_requests_total{method="GET",route="unmatched",status="404"} 1)"), std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(http_request_duration_seconds_count{route="unmatched"} 1)"), std::string::npos) << text;
  // Raw paths and ids never become label values (unbounded cardinality).
  EXPECT_EQ(text.find("/nope/123"), std::string::npos) << text;
  EXPECT_EQ(text.find("s-4242"), std::string::npos) << text;
  if (session.status != 404) {  // the route is wired: its series carries the template
    EXPECT_NE(text.find(R"(route="/api/v1/sessions/{id}")"), std::string::npos) << text;
  }
}

TEST(ObservabilityBearerTest, MetricsBearerTokenIsRequiredWhenConfigured) {
  ServerProcess server(ServerOptions{.env = {{"HIRAG_METRICS__BEARER_TOKEN", "some-test-token"}}});
  auto http = server.client();
  for (const std::vector<std::string>& headers :
       {std::vector<std::string>{}, {"Authorization: Bearer wrong-token"}, {"Authorization: Basic c29tZTp0ZXN0"}}) {
    const auto denied = http.get("/metrics", headers);
    EXPECT_EQ(denied.status, 401) << denied.body;
    EXPECT_EQ(denied.header("www-authenticate"), "Bearer");
    ASSERT_NO_THROW(denied.json()) << denied.body;
    EXPECT_EQ(denied.json().at("code").as_string(), "UNAUTHORIZED") << denied.body;
    EXPECT_EQ(denied.body.find("some-test-token"), std::string::npos);
  }
  const auto allowed = http.get("/metrics", {"Authorization: Bearer some-test-token"});
  EXPECT_EQ(allowed.status, 200);
  EXPECT_NE(allowed.body.find("# TYPE http_requests_total counter"), std::string::npos) << allowed.body;
  EXPECT_EQ(http.get("/health/live").status, 200);  // only /metrics is affected
}

// A real Prometheus scrapes a real hirag, with the metrics bearer token set and
// passed through `authorization.credentials_file` as deploy/prometheus/prometheus.yml shows.
TEST_F(ObservabilityTest, PrometheusScrapesTheServerAndEvaluatesRulesAndPanels) {
  REQUIRE_TOOL(prometheus, "prometheus");
  TempDir work;
  const std::string token = "prometheus-scrape-token";
  const std::string data = work.path() + "/hirag";
  ServerProcess server(ServerOptions{.env = {{"HIRAG_METRICS__BEARER_TOKEN", token}}, .data_dir = data});
  {  // some traffic, so request families have series
    auto http = server.client();
    http.get("/health");
    http.get("/nope/123");
    http.post("/api/v1/tokens/count", R"({"text":"hello"})");
  }
  write_text(work.path() + "/token", token + "\n");
  write_text(work.path() + "/prom.yml",
             "global:\n"
             "  scrape_interval: 1s\n"
             "  evaluation_interval: 1s\n"
             "rule_files:\n"
             "  - " + repo_path("deploy/prometheus/alerts.yml") + "\n"
             "scrape_configs:\n"
             "  - job_name: hirag\n"
             "    metrics_path: /metrics\n"
             "    authorization:\n"
             "      type: Bearer\n"
             "      credentials_file: " + work.path() + "/token\n"
             "    static_configs:\n"
             "      - targets: [\"127.0.0.1:" + std::to_string(server.port()) + "\"]\n");
  PrometheusProcess prom(prometheus, work.path() + "/prom.yml", work.path());
  ASSERT_TRUE(prom.started());
  HttpClient api(prom.base_url());
  auto get_json = [&](const std::string& path) -> boost::json::value {
    const auto response = api.get(path);
    if (response.status != 200) return nullptr;
    boost::system::error_code ec;
    auto value = boost::json::parse(response.body, ec);
    return ec ? boost::json::value(nullptr) : value;
  };

  // The target is up.
  std::string last_health;
  const bool up = eventually([&] {
    const auto targets = get_json("/api/v1/targets");
    if (!targets.is_object()) return false;
    for (const auto& target : targets.at("data").at("activeTargets").as_array()) {
      if (text_of(target.at("labels").at("job")) != "hirag") continue;
      last_health = text_of(target.at("health"));
      if (last_health != "up") last_health += " (" + text_of(target.at("lastError")) + ")";
      return last_health == "up";
    }
    return false;
  });
  ASSERT_TRUE(up) << "target health: " << last_health << "\nprometheus log:\n" << prom.log();

  // up{job="hirag"} == 1 through the query API.
  const bool up_is_one = eventually([&] {
    const auto result = get_json("/api/v1/query?query=up%7Bjob%3D%22hirag%22%7D");
    if (!result.is_object() || text_of(result.at("status")) != "success") return false;
    const auto& series = result.at("data").at("result").as_array();
    return series.size() == 1 && text_of(series[0].at("value").as_array()[1]) == "1";
  });
  EXPECT_TRUE(up_is_one);

  // Every family the server has series for is stored under its own name.
  auto scrape = server.client();
  const Exposition exposition =
      parse_exposition(scrape.get("/metrics", {"Authorization: Bearer " + token}).body);
  std::set<std::string> expected = {"http_requests_total"};
  for (const auto& family : kSeedFamilies) {
    if (exposition.with_samples.count(family)) expected.insert(family);
  }
  std::set<std::string> stored;
  const bool all_stored = eventually([&] {
    const auto names = get_json("/api/v1/label/__name__/values");
    if (!names.is_object()) return false;
    stored.clear();
    for (const auto& name : names.at("data").as_array()) stored.insert(text_of(name));
    for (const auto& family : expected) {
      const bool histogram = exposition.types.count(family) && exposition.types.at(family) == "histogram";
      if (!stored.count(histogram ? family + "_count" : family)) return false;
    }
    return true;
  });
  for (const auto& family : expected) {
    const bool histogram = exposition.types.count(family) && exposition.types.at(family) == "histogram";
    EXPECT_TRUE(stored.count(histogram ? family + "_count" : family)) << family << " not stored by Prometheus";
  }
  EXPECT_TRUE(all_stored);

  // alerts.yml loaded: every alerting rule, all evaluated without error.
  const size_t alert_count = rule_expressions(read_text(repo_path("deploy/prometheus/alerts.yml"))).size();
  const bool rules_ok = eventually([&] {
    const auto rules = get_json("/api/v1/rules?type=alert");
    if (!rules.is_object()) return false;
    size_t count = 0;
    for (const auto& group : rules.at("data").at("groups").as_array()) {
      for (const auto& rule : group.at("rules").as_array()) {
        if (text_of(rule.at("health")) != "ok") return false;
        ++count;
      }
    }
    return count == alert_count;
  });
  EXPECT_TRUE(rules_ok) << boost::json::serialize(get_json("/api/v1/rules?type=alert"));

  // Every dashboard expression is valid PromQL for this Prometheus version.
  for (const auto& expr : dashboard_expressions()) {
    const auto response = api.post("/api/v1/query", "query=" + url_encode(without_grafana_variables(expr)),
                                   {"Content-Type: application/x-www-form-urlencoded"});
    EXPECT_EQ(response.status, 200) << expr << "\n" << response.body;
  }
}

}  // namespace
}  // namespace hirag::testing
