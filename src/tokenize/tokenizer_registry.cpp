// tokenize/tokenizer_registry: the definition of each encoding (embedded vocabulary,
// special tokens, split scanner) and the lazily built, process-wide Tokenizers.
#include <cstdio>
#include <cstdlib>

#include "tokenize/tokenizer.hpp"
#include "tokenize/vocab/embedded_vocab.hpp"
#include "tokenize/vocab/vocab_loader.hpp"

namespace hirag::tokenize {

namespace {

std::vector<SpecialToken> special_tokens_of(Encoding encoding) {
  switch (encoding) {
    case Encoding::cl100k_base:
      return {{"<|endoftext|>", 100257},
              {"<|fim_prefix|>", 100258},
              {"<|fim_middle|>", 100259},
              {"<|fim_suffix|>", 100260},
              {"<|endofprompt|>", 100276}};
    case Encoding::o200k_base:
      return {{"<|endoftext|>", 199999}, {"<|endofprompt|>", 200018}};
  }
  return {};
}

pretokenize::NextPiece split_of(Encoding encoding) {
  return encoding == Encoding::o200k_base ? pretokenize::next_piece_o200k : pretokenize::next_piece_cl100k;
}

Tokenizer build(Encoding encoding) {
  const EmbeddedVocab embedded = embedded_vocab(encoding);
  Result<Vocabulary> vocab = load_vocabulary(embedded.bytes, embedded.sha256_hex);
  if (!vocab) {
    std::fprintf(stderr, "hirag: fatal: cannot load the %s tokenizer: %s\n", encoding_name(encoding).data(),
                 vocab.error().message.c_str());
    std::abort();
  }
  return Tokenizer(encoding, std::move(vocab).value(), special_tokens_of(encoding), split_of(encoding));
}

}  // namespace

const Tokenizer& tokenizer(Encoding encoding) {
  if (encoding == Encoding::o200k_base) {
    static const Tokenizer o200k = build(Encoding::o200k_base);
    return o200k;
  }
  static const Tokenizer cl100k = build(Encoding::cl100k_base);
  return cl100k;
}

}  // namespace hirag::tokenize
