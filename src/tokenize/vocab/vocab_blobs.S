/* tokenize/vocab/vocab_blobs.S: embeds the two tiktoken rank files into the binary.
   The .incbin paths resolve through the include path set for this file in the
   root CMakeLists.txt (src/tokenize/vocab). Declared in embedded_vocab.cpp. */
    .section .rodata
    .balign 64
    .global hirag_vocab_cl100k_base_begin
    .global hirag_vocab_cl100k_base_end
hirag_vocab_cl100k_base_begin:
    .incbin "cl100k_base.tiktoken"
hirag_vocab_cl100k_base_end:
    .byte 0

    .balign 64
    .global hirag_vocab_o200k_base_begin
    .global hirag_vocab_o200k_base_end
hirag_vocab_o200k_base_begin:
    .incbin "o200k_base.tiktoken"
hirag_vocab_o200k_base_end:
    .byte 0

    .section .note.GNU-stack,"",@progbits
