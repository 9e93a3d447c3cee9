#include "tokenize/vocab/embedded_vocab.hpp"

extern "C" {
extern const char hirag_vocab_cl100k_base_begin[];
extern const char hirag_vocab_cl100k_base_end[];
extern const char hirag_vocab_o200k_base_begin[];
extern const char hirag_vocab_o200k_base_end[];
}

namespace hirag::tokenize {

EmbeddedVocab embedded_vocab(Encoding encoding) {
  switch (encoding) {
    case Encoding::cl100k_base:
      return {{hirag_vocab_cl100k_base_begin,
               static_cast<size_t>(hirag_vocab_cl100k_base_end - hirag_vocab_cl100k_base_begin)},
              "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"};
    case Encoding::o200k_base:
      return {{hirag_vocab_o200k_base_begin,
               static_cast<size_t>(hirag_vocab_o200k_base_end - hirag_vocab_o200k_base_begin)},
              "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"};
  }
  return {};
}

}  // namespace hirag::tokenize
