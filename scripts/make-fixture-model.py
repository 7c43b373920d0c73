#!/usr/bin/env python3
"""Builds the tiny random-weight BERT-style model the tests load through transformers.js.

No embedding model can be downloaded on the build machines, so the dense path is tested on this
one: same file layout as a Hugging Face model (config.json, tokenizer.json, tokenizer_config.json,
onnx/model.onnx), same inputs and output (input_ids, attention_mask, token_type_ids ->
last_hidden_state), random weights. Its vectors carry no meaning beyond shared tokens.

Needs Debian's python3-onnx and python3-numpy: apt-get install python3-onnx python3-numpy
Run: /usr/bin/python3 scripts/make-fixture-model.py src/adapters/transformers/fixtures/tiny-bert
Deterministic: the same seeds give the same files.
"""
import json
import os
import sys
import unicodedata

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 32
SEED = 20261122
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
ENGLISH = ["query", "passage", ":", "quality", "food", "dairy", "safety", "market", "regulation", "target", "rate"]


def vocabulary(seeds_dir):
    characters = set()
    for name in sorted(os.listdir(seeds_dir)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds_dir, name), encoding="utf-8") as handle:
                for character in handle.read():
                    if unicodedata.category(character).startswith(("L", "N")) and ord(character) > 127:
                        characters.add(character)
    ascii_tokens = [chr(code) for code in range(ord("a"), ord("z") + 1)] + [str(digit) for digit in range(10)]
    punctuation = list(".,;:!?()%-")
    return SPECIAL + ENGLISH + ascii_tokens + punctuation + sorted(characters)


def build_model(vocab_size):
    rng = np.random.default_rng(SEED)
    word_embeddings = rng.normal(0, 1, (vocab_size, HIDDEN)).astype(np.float32)
    mixing = rng.normal(0, 0.3, (HIDDEN, HIDDEN)).astype(np.float32)
    token_type = rng.normal(0, 0.1, (2, HIDDEN)).astype(np.float32)
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"]),
        helper.make_tensor_value_info("token_type_ids", TensorProto.INT64, ["batch", "sequence"]),
    ]
    output = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", HIDDEN])
    nodes = [
        helper.make_node("Gather", ["word_embeddings", "input_ids"], ["words"]),
        helper.make_node("Gather", ["token_type_embeddings", "token_type_ids"], ["types"]),
        helper.make_node("Add", ["words", "types"], ["embedded"]),
        helper.make_node("MatMul", ["embedded", "mixing"], ["mixed"]),
        helper.make_node("Add", ["embedded", "mixed"], ["summed"]),
        helper.make_node("Tanh", ["summed"], ["activated"]),
        # The mask enters the graph, as in BERT, so that padding positions do not carry signal.
        helper.make_node("Cast", ["attention_mask"], ["mask_float"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_float", "last_axis"], ["mask_expanded"]),
        helper.make_node("Mul", ["activated", "mask_expanded"], ["last_hidden_state"]),
    ]
    initializers = [
        numpy_helper.from_array(word_embeddings, "word_embeddings"),
        numpy_helper.from_array(token_type, "token_type_embeddings"),
        numpy_helper.from_array(mixing, "mixing"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis"),
    ]
    graph = helper.make_graph(nodes, "tiny-bert", inputs, [output], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="policy-qa fixture")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def tokenizer_json(vocab):
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": index, "content": token, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
            for index, token in enumerate(SPECIAL)
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
            ],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {
            "type": "WordPiece",
            "unk_token": "[UNK]",
            "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100,
            "vocab": {token: index for index, token in enumerate(vocab)},
        },
    }


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    target = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    vocab = vocabulary(os.path.join(root, "seeds"))
    os.makedirs(os.path.join(target, "onnx"), exist_ok=True)
    onnx.save(build_model(len(vocab)), os.path.join(target, "onnx", "model.onnx"))
    config = {
        "model_type": "bert",
        "architectures": ["BertModel"],
        "hidden_size": HIDDEN,
        "num_attention_heads": 1,
        "num_hidden_layers": 1,
        "intermediate_size": HIDDEN,
        "max_position_embeddings": 512,
        "vocab_size": len(vocab),
        "type_vocab_size": 2,
        "pad_token_id": 0,
    }
    tokenizer_config = {
        "tokenizer_class": "BertTokenizer",
        "do_lower_case": True,
        "model_max_length": 512,
        "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]",
    }
    for name, content in [("config.json", config), ("tokenizer_config.json", tokenizer_config), ("tokenizer.json", tokenizer_json(vocab))]:
        with open(os.path.join(target, name), "w", encoding="utf-8") as handle:
            json.dump(content, handle, ensure_ascii=False, indent=1, sort_keys=True)
            handle.write("\n")
    print(f"wrote {target}: vocabulary {len(vocab)}, hidden size {HIDDEN}")


if __name__ == "__main__":
    main()
