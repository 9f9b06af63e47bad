"""w2vlib: word2vec made fast, step by step (Deep Learning from Scratch 2, chapter 4)."""

__version__ = "0.1.0"
