"""w2vlib: word2vec made fast, step by step (Deep Learning from Scratch 2, chapter 4).

The readable, book-shaped pieces live in their own modules:

- ``layers``: MatMul, Embedding, EmbeddingDot, Sigmoid, SigmoidWithLoss, Softmax, SoftmaxWithLoss
- ``negative_sampling``: UnigramSampler, NegativeSamplingLoss
- ``hierarchical_softmax``: huffman_codes (the Huffman tree, gensim's convention), HierarchicalSoftmaxLoss
- ``models``: SimpleCBOW (one-hot + softmax), CBOW, SkipGram
- ``optimizers``: SGD, Adam;  ``trainer``: Trainer
- ``corpus``: preprocess, create_contexts_target, convert_one_hot, TOY_TEXT; the one text reader
  (read_words, read_corpus) and vocabulary builder (build_vocab)
- ``similarity``: cos_similarity, most_similar, analogy (and the one analogy scorer and word lookup)
- ``wordvectors``: WordVectors, trained vectors with gensim's ``KeyedVectors`` conventions
- ``gradcheck``: numerical_gradient, gradcheck
- ``vectors``: save/load vectors (.npz), word2vec text format, Embedding Projector files
- ``data``: the Penn Treebank (download, cache, offline copy);  ``evaluation``: analogy/similarity benchmarks
- ``fast``: the fused fast trainer (config, batching, kernel, training);  ``cli``/``__main__``:
  ``python -m w2vlib train ...``;  ``machine``: library versions and machine facts for benchmarks
- ``pretrained``: PTB vectors trained once (notebook 05) and reused by notebooks 06-08
- ``plotting``: the packaged plot style and helpers;  ``timing``: ``best_time`` for the speed comparisons

Names. The layered API keeps the book's names: ``hidden_size``, ``window_size``, ``sample_size``
(negatives per target), ``rng``, ``Trainer.fit(max_epoch=...)``, ``model.word_vecs`` and the
``word_matrix`` of ``most_similar``/``analogy``. Where a word2vec or gensim user meets the package,
the names are theirs: ``fast.train`` and the command line take ``negative``, ``epochs``, ``seed``,
``sample``, ``alpha``/``min_alpha``, and :class:`WordVectors` has gensim's ``KeyedVectors`` names
(``vectors``, ``index_to_key``, ``key_to_index``, ``most_similar(positive, negative, topn)``).
``hidden_size`` and ``window_size`` stay in ``fast.train`` too (shared with the layered models and
``pretrained``); the docstring of ``fast.train`` has the table to gensim's ``Word2Vec`` names.
"""

__version__ = "0.1.0"

from .corpus import TOY_TEXT, convert_one_hot, create_contexts_target, preprocess
from .gradcheck import gradcheck, numerical_gradient, relative_error
from .layers import Embedding, EmbeddingDot, MatMul, Sigmoid, SigmoidWithLoss, Softmax, SoftmaxWithLoss
from .models import CBOW, SimpleCBOW, SkipGram
from .negative_sampling import NegativeSamplingLoss, UnigramSampler
from .hierarchical_softmax import HierarchicalSoftmaxLoss, huffman_codes
from .optimizers import SGD, Adam
from .similarity import analogy, cos_similarity, most_similar, normalize
from .trainer import Trainer
from .vectors import load_vectors, save_projector, save_vectors, save_word2vec_format
from .wordvectors import WordVectors
from ._fonts import HANGUL_FONT, register_when_matplotlib_loads
register_when_matplotlib_loads()  # Hangul in plot labels, offline, with no system font: see _fonts.py

__all__ = [
    "TOY_TEXT", "preprocess", "create_contexts_target", "convert_one_hot",
    "gradcheck", "numerical_gradient", "relative_error",
    "MatMul", "Embedding", "EmbeddingDot", "Sigmoid", "SigmoidWithLoss", "Softmax", "SoftmaxWithLoss",
    "SimpleCBOW", "CBOW", "SkipGram", "UnigramSampler", "NegativeSamplingLoss",
    "huffman_codes", "HierarchicalSoftmaxLoss",
    "SGD", "Adam", "Trainer",
    "cos_similarity", "normalize", "most_similar", "analogy",
    "save_vectors", "load_vectors", "save_word2vec_format", "save_projector", "WordVectors",
]
