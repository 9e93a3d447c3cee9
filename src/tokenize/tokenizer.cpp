#include "tokenize/tokenizer.hpp"

#include <algorithm>
#include <limits>

#include "tokenize/bpe/byte_pair.hpp"

namespace hirag::tokenize {

Tokenizer::Tokenizer(Encoding encoding, Vocabulary vocab, std::vector<SpecialToken> specials,
                     pretokenize::NextPiece next_piece)
    : encoding_(encoding), vocab_(std::move(vocab)), specials_(std::move(specials)), next_piece_(next_piece) {}

std::vector<TokenId> Tokenizer::encode(std::string_view text) const {
  std::vector<TokenId> ids;
  ids.reserve(text.size() / 4 + 8);
  encode_into(text, ids);
  return ids;
}

void Tokenizer::encode_into(std::string_view text, std::vector<TokenId>& out) const {
  for (size_t pos = 0; pos < text.size();) {
    const size_t end = next_piece_(text, pos);
    bpe::encode_piece(vocab_, text.substr(pos, end - pos), out);
    pos = end;
  }
}

size_t Tokenizer::count(std::string_view text) const {
  size_t n = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t end = next_piece_(text, pos);
    n += bpe::count_piece(vocab_, text.substr(pos, end - pos));
    pos = end;
  }
  return n;
}

Result<std::vector<TokenId>> Tokenizer::encode(std::string_view text,
                                               std::span<const std::string_view> allowed_special) const {
  std::vector<const SpecialToken*> allowed;
  for (const std::string_view name : allowed_special) {
    auto it = std::find_if(specials_.begin(), specials_.end(), [&](const SpecialToken& s) { return s.text == name; });
    if (it == specials_.end()) {
      return Error::validation("'" + std::string(name) + "' is not a special token of " +
                               std::string(encoding_name(encoding_)));
    }
    allowed.push_back(&*it);
  }
  // Like tiktoken: find the leftmost allowed special token, encode the text before it
  // ordinarily (the split pattern sees that segment alone), emit the special id.
  std::vector<size_t> next_at;  // the next occurrence of each, at or after `start`
  for (const SpecialToken* special : allowed) next_at.push_back(text.find(special->text));
  std::vector<TokenId> ids;
  for (size_t start = 0;;) {
    size_t best = std::numeric_limits<size_t>::max();
    const SpecialToken* found = nullptr;
    for (size_t k = 0; k < allowed.size(); ++k) {
      if (next_at[k] != std::string_view::npos && next_at[k] < start) next_at[k] = text.find(allowed[k]->text, start);
      if (next_at[k] < best) {
        best = next_at[k];
        found = allowed[k];
      }
    }
    if (!found) {
      encode_into(text.substr(start), ids);
      return ids;
    }
    encode_into(text.substr(start, best - start), ids);
    ids.push_back(found->id);
    start = best + found->text.size();
  }
}

Result<std::string> Tokenizer::decode(std::span<const TokenId> ids) const {
  std::string out;
  out.reserve(ids.size() * 4);
  for (const TokenId id : ids) {
    if (id < vocab_.size()) {
      out += vocab_.token(id);
      continue;
    }
    auto it = std::find_if(specials_.begin(), specials_.end(), [&](const SpecialToken& s) { return s.id == id; });
    if (it == specials_.end()) {
      return Error::validation("unknown token id " + std::to_string(id) + " for " + std::string(encoding_name(encoding_)));
    }
    out += it->text;
  }
  return out;
}

}  // namespace hirag::tokenize
