// context/snippet_selector: fills the retrieval slot. Candidates are ranked by score
// (NaN ranks last, ties by id), duplicates and snippets already present as recent
// turns are skipped, and the best are taken while the rendered message fits the
// cap; the message is then counted exactly and, if BPE merges across snippets made
// it larger than the sum of its parts, the lowest-scored snippets are dropped until
// it fits. Trimming is by tokens and score, never by a fixed count.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "context/counting.hpp"
#include "context/ports.hpp"

namespace hirag::context {

inline constexpr std::string_view kRetrievedHeader = "Relevant context from memory:";
inline constexpr std::string_view kSnippetSeparator = "\n\n";

struct SelectedSnippet {
  RetrievedSnippet snippet;
  size_t tokens = 0;  // tokens of the snippet's text alone
};

struct SnippetSelection {
  std::vector<SelectedSnippet> items;  // best first
  Message message;                     // empty content when nothing was selected
  size_t tokens = 0;                   // exact tokens of `message` (0 when empty)
  size_t trimmed = 0;                  // distinct candidates left out for lack of room
};

// What already is in the prompt (recent turns): their memory ids and texts.
struct PresentTurns {
  std::set<std::string, std::less<>> memory_ids;
  std::set<std::string, std::less<>> contents;
};

SnippetSelection select_snippets(std::vector<RetrievedSnippet> candidates, const PresentTurns& present, size_t cap,
                                 tokenize::Encoding encoding, const CountTokens& count);

}  // namespace hirag::context
