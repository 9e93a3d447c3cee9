// The fact service on a real SQLite data dir: dedup, contradiction and history,
// all-or-nothing batches, the confidence threshold, queries and isolation.
#include "facts/fact_service.hpp"

#include <gtest/gtest.h>

#include "store/open_fact_store.hpp"
#include "support/server_process.hpp"

namespace hirag::facts {
namespace {

NewFact fact(std::string subject, std::string predicate, std::string object) {
  NewFact f;
  f.subject = std::move(subject);
  f.predicate = std::move(predicate);
  f.object = std::move(object);
  return f;
}

class FactServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { open(); }
  void open() {
    service_.reset();
    config_.server.data_dir = dir_.path();
    auto store = store::open_fact_store(config_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    service_ = std::make_unique<FactService>(config_.facts, config_.retrieval, std::move(store).value());
    ASSERT_TRUE(service_->load().ok());
  }
  InsertedFact insert_one(const NewFact& f, const std::string& tenant = "t1") {
    auto result = service_->insert(tenant, {f}, false);
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? result->front() : InsertedFact{};
  }
  QueryPage query(QueryRequest request, const std::string& tenant = "t1") {
    auto page = service_->query(tenant, request);
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? *page : QueryPage{};
  }

  hirag::testing::TempDir dir_;
  Config config_;
  std::unique_ptr<FactService> service_;
};

TEST_F(FactServiceTest, StoresAndReadsBackEveryField) {
  auto f = fact("Alice", "works_at", "Acme");
  f.datatype = "entity";
  f.confidence = 0.9;
  f.anchor = store::FactAnchor{"doc-1", 3, "r7", "vt:9", "src/a.cpp:12"};
  f.valid_from_ms = 1000;
  const auto inserted = insert_one(f);
  EXPECT_FALSE(inserted.duplicate);
  auto stored = service_->get("t1", "default", inserted.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->subject, "Alice");
  EXPECT_EQ(stored->datatype, "entity");
  EXPECT_DOUBLE_EQ(stored->confidence, 0.9);
  EXPECT_EQ(stored->source_doc, "doc-1") << "source_doc defaults to the anchor's document";
  ASSERT_EQ(stored->anchors.size(), 1U);
  EXPECT_EQ(stored->anchors[0], *f.anchor);
  EXPECT_EQ(stored->valid_from_ms, 1000);
  EXPECT_EQ(stored->hash, inserted.hash);
}

TEST_F(FactServiceTest, DuplicateSpellingBumpsTheExistingFact) {
  auto first = fact("Alice Smith", "works_at", "Acme");
  first.confidence = 0.85;
  first.observed_at_ms = 1000;
  const auto a = insert_one(first);
  auto again = fact("  alice   SMITH ", "Works_At", "ACME");
  again.confidence = 0.95;
  again.observed_at_ms = 5000;
  again.anchor = store::FactAnchor{"doc-2", {}, {}, {}, {}};
  const auto b = insert_one(again);
  EXPECT_TRUE(b.duplicate);
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.observations, 2);
  auto stored = service_->get("t1", "default", a.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_DOUBLE_EQ(stored->confidence, 0.95);
  EXPECT_EQ(stored->observed_at_ms, 5000);
  EXPECT_EQ(stored->subject, "Alice Smith") << "the first spelling is kept";
  EXPECT_EQ(query({}).total, 1);
}

TEST_F(FactServiceTest, SingleValuedPredicateClosesThePreviousVersion) {
  auto before = fact("Alice", "works_at", "Acme");
  before.single_valued = true;
  before.valid_from_ms = 1000;
  const auto old_id = insert_one(before).id;
  auto after = fact("Alice", "works_at", "Globex");
  after.single_valued = true;
  after.valid_from_ms = 5000;
  const auto inserted = insert_one(after);
  ASSERT_EQ(inserted.invalidated, std::vector<std::string>{old_id});

  auto current = query({});
  ASSERT_EQ(current.total, 1);
  EXPECT_EQ(current.facts[0].object, "Globex");
  auto old = service_->get("t1", "default", old_id);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->valid_to_ms, 5000);
  EXPECT_TRUE(old->invalidated_at_ms.has_value());

  QueryRequest at_2000;
  at_2000.as_of_ms = 2000;
  auto then = query(at_2000);
  ASSERT_EQ(then.total, 1);
  EXPECT_EQ(then.facts[0].object, "Acme");

  auto history = service_->history("t1", "default", inserted.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ((*history)[0].object, "Acme");
  EXPECT_EQ((*history)[1].object, "Globex");
}

TEST_F(FactServiceTest, ConfiguredSingleValuedPredicatesNeedNoFlag) {
  config_.facts.single_valued_predicates = "lives_in, Works At";
  open();
  insert_one(fact("Bob", "works at", "Initech"));
  EXPECT_EQ(insert_one(fact("bob", "WORKS  AT", "Hooli")).invalidated.size(), 1U);
  insert_one(fact("Bob", "likes", "tea"));
  EXPECT_TRUE(insert_one(fact("Bob", "likes", "coffee")).invalidated.empty()) << "many-valued by default";
  EXPECT_EQ(query({}).total, 3);
}

TEST_F(FactServiceTest, BatchWithOneBadFactStoresNothing) {
  std::vector<NewFact> batch = {fact("a", "p", "1"), fact("b", "p", " "), fact("c", "p", "3")};
  auto result = service_->insert("t1", batch, true);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().details.at("field").as_string(), "facts[1].object");
  EXPECT_EQ(query({}).total, 0);
}

TEST_F(FactServiceTest, BatchDedupsWithinItself) {
  auto result = service_->insert("t1", {fact("a", "p", "1"), fact("A", "p", "1")}, true);
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE((*result)[0].duplicate);
  EXPECT_TRUE((*result)[1].duplicate);
  EXPECT_EQ((*result)[1].id, (*result)[0].id);
}

TEST_F(FactServiceTest, BelowThresholdIsUnprocessableWithTheNumbers) {
  auto low = fact("a", "p", "1");
  low.confidence = 0.5;
  auto result = service_->insert("t1", {low}, false);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::Unprocessable);
  EXPECT_DOUBLE_EQ(result.error().details.at("threshold").as_double(), 0.8);
  EXPECT_DOUBLE_EQ(result.error().details.at("confidence").as_double(), 0.5);
  // A duplicate of a stored fact is refused too (the prototype checked dedup first).
  insert_one(fact("a", "p", "1"));
  EXPECT_FALSE(service_->insert("t1", {low}, false).ok());
}

TEST_F(FactServiceTest, QueryFiltersPagesAndCounts) {
  for (int i = 0; i < 5; ++i) {
    auto f = fact("Alice", "knows", "person " + std::to_string(i));
    f.confidence = i < 3 ? 0.9 : 1.0;
    if (i == 4) f.source_doc = "notes.md";
    insert_one(f);
  }
  insert_one(fact("Bob", "knows", "Carol"));
  QueryRequest alice;
  alice.subject = "ALICE";
  alice.limit = 2;
  auto first = query(alice);
  EXPECT_EQ(first.total, 5);
  ASSERT_EQ(first.facts.size(), 2U);
  ASSERT_TRUE(first.next_cursor.has_value());
  alice.cursor = first.next_cursor;
  auto second = query(alice);
  ASSERT_EQ(second.facts.size(), 2U);
  EXPECT_EQ(second.facts[0].object, "person 2");
  QueryRequest confident;
  confident.min_confidence = 0.95;
  EXPECT_EQ(query(confident).total, 3) << "alice's last two and bob's";
  QueryRequest from_doc;
  from_doc.source_doc = "notes.md";
  EXPECT_EQ(query(from_doc).total, 1);
}

TEST_F(FactServiceTest, QueryRefusesLimitOverTheMaximumAndForgedCursors) {
  QueryRequest request;
  request.limit = 101;
  auto over = service_->query("t1", request);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().details.at("field").as_string(), "query.limit");
  request.limit = 10;
  request.cursor = "abc";
  auto forged = service_->query("t1", request);
  ASSERT_FALSE(forged.ok());
  EXPECT_EQ(forged.error().details.at("field").as_string(), "query.cursor");
}

TEST_F(FactServiceTest, TenantsAndNamespacesAreIsolated) {
  const auto id = insert_one(fact("Alice", "works_at", "Acme"), "t1").id;
  EXPECT_EQ(query({}, "t2").total, 0);
  EXPECT_EQ(service_->get("t2", "default", id).error().code, ErrorCode::NotFound);
  EXPECT_EQ(service_->get("t1", "other", id).error().code, ErrorCode::NotFound);
  EXPECT_EQ(service_->remove("t2", "default", id).error().code, ErrorCode::NotFound);
  EXPECT_FALSE(insert_one(fact("Alice", "works_at", "Acme"), "t2").duplicate) << "dedup is per tenant";
  EXPECT_TRUE(service_->get("t1", "default", id).ok());
}

TEST_F(FactServiceTest, DeleteRemovesTheFact) {
  const auto id = insert_one(fact("a", "p", "1")).id;
  EXPECT_TRUE(service_->remove("t1", "default", id).ok());
  EXPECT_EQ(service_->get("t1", "default", id).error().code, ErrorCode::NotFound);
  EXPECT_EQ(service_->remove("t1", "default", id).error().code, ErrorCode::NotFound);
}

TEST_F(FactServiceTest, SearchFindsFactsByTheirWordsAndFollowsWrites) {
  insert_one(fact("Alice", "works_at", "Acme Corporation"));
  insert_one(fact("Alice", "likes", "green tea"));
  auto moved = fact("Bob", "lives_in", "Paris");
  moved.single_valued = true;
  const auto paris = insert_one(moved).id;
  moved.object = "Berlin";
  insert_one(moved);
  auto found = service_->search("t1", SearchRequest{"default", "where does alice work", std::nullopt});
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_FALSE(found->empty());
  EXPECT_EQ(found->front().fact.object, "Acme Corporation");
  EXPECT_GT(found->front().score, 0);
  auto bob = service_->search("t1", SearchRequest{"default", "bob lives", std::nullopt});
  ASSERT_TRUE(bob.ok());
  ASSERT_EQ(bob->size(), 1u) << "the closed version is no longer searchable";
  EXPECT_EQ(bob->front().fact.object, "Berlin");
  EXPECT_TRUE(service_->search("t2", SearchRequest{"default", "alice", std::nullopt})->empty());
  EXPECT_TRUE(service_->remove("t1", "default", bob->front().fact.id).ok());
  EXPECT_TRUE(service_->search("t1", SearchRequest{"default", "bob lives", std::nullopt})->empty());
  EXPECT_TRUE(service_->get("t1", "default", paris).ok());
  EXPECT_EQ(service_->search("t1", SearchRequest{"default", "alice", 101}).error().details.at("field").as_string(),
            "top_k");
}

TEST_F(FactServiceTest, AFactClosedWithinItsOwnBatchIsNotSearchable) {
  auto first = fact("Dora", "lives_in", "Lima");
  first.single_valued = true;
  auto second = fact("Dora", "lives_in", "Quito");
  second.single_valued = true;
  ASSERT_TRUE(service_->insert("t1", {first, second}, true).ok());
  auto found = service_->search("t1", SearchRequest{"default", "dora lima quito", std::nullopt});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().fact.object, "Quito");
}

TEST_F(FactServiceTest, SearchIndexIsRebuiltOnLoad) {
  insert_one(fact("Carol", "speaks", "Portuguese"));
  open();
  auto found = service_->search("t1", SearchRequest{"default", "portuguese", std::nullopt});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().fact.subject, "Carol");
}

TEST_F(FactServiceTest, FactsSurviveReopeningTheDataDir) {
  const auto id = insert_one(fact("a", "p", "1")).id;
  open();
  EXPECT_TRUE(service_->get("t1", "default", id).ok());
}

}  // namespace
}  // namespace hirag::facts
