"""The study notes' code for chapter 4, kept exactly as the notes wrote it, bugs included.

The series starts from a student's study notes (Korean, on chapter 4 of *Deep Learning from Scratch 2*).
Their code is teaching material: each bug is one a careful reader can find with a check. This module is
its one home, used by notebooks 02-04, their exercises and the tests. **Do not use these classes for
anything but finding their bugs**; the package's layers (:mod:`w2vlib.layers`,
:mod:`w2vlib.negative_sampling`) are the correct versions.

It also keeps one sentence of the notes' prose, the last point of their chapter summary
(:data:`SUMMARY_LAST_POINT`, as written), which notebook 08 quotes.

What the notes wrote (class names as there; layout and spacing as there):

- :class:`Embedding`: ``forward`` unpacks nothing (``W =self.params`` makes ``W`` the *list* ``[W]``, so
  ``W[idx]`` fails); ``backward`` is the notes' second, accumulating version (a loop). The notes define this
  class but never call it, so the forward bug never showed there.
- :class:`EmbeddingDot`: ``__intit__`` is a typo for ``__init__`` (the constructor never runs, so
  ``EmbeddingDot(W)`` raises ``TypeError``), and ``forward`` looks up ``self.embed.forward(W)``: ``W`` is
  not defined in that scope (``NameError``); it should be ``idx``. The notes only define this class, never
  run it.
- :class:`NegativeSamplingLoss` (the constructor only, as in the notes): ``self.params,self.grad=[],[]``
  creates ``self.grad``, then ``self.grads+=...`` reads ``self.grads`` (``AttributeError``). Its names
  ``EmbeddingDot`` resolves to the notes' own class above, so as written it stops even earlier, at
  ``EmbeddingDot(W)``. The cell that defines it was never run in the notes.

Two classes put the notes' *backward* passes on the package's working forward, so they can be run:

- :class:`OverwritingEmbedding`: the notes' first backward (``dw[self.idx]=dout``, later commented out
  there). A repeated id keeps only one of its rows of ``dout`` (on current NumPy the
  last); a gradient check catches it (notebook 02, ``tests/test_notes.py``).
- :class:`LoopEmbedding`: the notes' fix, a Python loop that adds each row (after clearing all of ``dW``).
"""
from __future__ import annotations

import inspect

import numpy as np

import w2vlib.layers
from .layers import SigmoidWithLoss
from .negative_sampling import UnigramSampler

__all__ = ["Embedding", "EmbeddingDot", "NegativeSamplingLoss", "OverwritingEmbedding", "LoopEmbedding",
           "source"]

#: The last point of the notes' chapter summary, as written (spacing included); notebook 08 quotes it.
SUMMARY_LAST_POINT = 'word2vec 은 전이 학습 측면에서 특히 중요하며, 그 단어의 분산 표현은 다양한 자연어 처리 작업에 이용 할 수있다.'


# ---- the notes, verbatim (In [1], In [2] and the unrun cell) ------------------------------------------

class Embedding:
    def __init__(self,W):
        self.params=[W]
        self.grads=[np.zeros_like(W)]
        self.idx=None
    def forward(self,idx):
        W =self.params
        self.idx=idx
        out=W[idx]
        return out

    # def backward(self,dout):
    #     dw, =self.grads
    #     dw[...]=0 #->dw가 0이 되는 것이 아니라 그 형태를 0으로 덮어씌우는 작업 사실상 np.zeros로도가능할듯
    #     dw[self.idx]=dout
    #     return None
    def backward(self,dout):
        dw,= self.grads
        dw[...]=0
        for i , word_id in enumerate(self.idx):
            dw[word_id]+=dout[i]
            #혹은
            #np.add.at(dw,self.idx,dout)-> 이작업은 for문 자체를 대신하는 것이다 numpy의 특성중 하나로 for문을 쓰지않고 한번에 연산을 가능하게 해주는것 ㅍㅍ
        return None


class EmbeddingDot:
    def __intit__(self,W):
        self.embed=Embedding(W)
        self.params=self.embed.params
        self.grads=self.embed.grads
        self.cache=None

    def forward(self,h,idx):
        target_W=self.embed.forward(W)
        out=np.sum(target_W*h,axis=1)
        self.cache=(h,target_W)
        return out

    def backward(self,dout):
        h,target_W=self.cache
        dout=dout.reshape(dout.shape[0],1)

        dtarget_W=dout*h
        self.embed.backward(dtarget_W)
        dh=dout*target_W
        return dh


class NegativeSamplingLoss:
    def __init__(self,W,corpus,power=0.75,sample_size=5):
        self.sample_size=sample_size
        self.sampler=UnigramSampler(corpus,power,sample_size)
        self.loss_layer=[SigmoidWithLoss() for  _ in range(sample_size+1)]
        self.embed_dot_layers=[EmbeddingDot(W) for _ in range(sample_size+1)]
        self.params,self.grad=[],[]
        for layers in self.embed_dot_layers:
            self.params+=layers.params
            self.grads+=layers.grads


# ---- the notes' two backward passes, on the package's (working) forward ----------------------------------

class OverwritingEmbedding(w2vlib.layers.Embedding):
    """The notes' first backward, ``dw[self.idx]=dout``: a repeated id keeps only one of its rows of ``dout``
    (on current NumPy the last; NumPy does not promise which)."""

    def backward(self,dout):
        dw, =self.grads
        dw[...]=0
        dw[self.idx]=dout
        return None


class LoopEmbedding(w2vlib.layers.Embedding):
    """The notes' fix: clear all of ``dW``, then add each row of ``dout`` to its word's row, one at a time."""

    def backward(self,dout):
        dw,= self.grads
        dw[...]=0
        for i , word_id in enumerate(self.idx):
            dw[word_id]+=dout[i]
        return None


_KO_DOCSTRINGS = {
    "OverwritingEmbedding": ('    """학습 노트의 첫 역전파 ``dw[self.idx]=dout``. 반복된 ID의 행에는 ``dout``의 행 가운데 하나만 남습니다\n'
                             '    (지금의 NumPy에서는 마지막 행이지만, NumPy는 어느 행인지 보장하지 않습니다)."""\n'),
    "LoopEmbedding": ('    """학습 노트의 수정본. ``dW`` 전체를 지운 뒤, ``dout``의 각 행을 그 단어의 행에 하나씩 더합니다."""\n'),
}


def source(name: str, lang: str = "en") -> str:
    """The notes' code of ``name`` ("Embedding", "EmbeddingDot", "NegativeSamplingLoss", ...), as text.

    With ``lang="ko"`` the package-written docstring (if any) is replaced by its Korean translation; the notes'
    own code lines are returned verbatim in both languages.
    """
    if name not in __all__ or name == "source":
        raise ValueError(f"no such class in the notes: {name!r}; choose from {__all__[:-1]}")
    if lang not in ("en", "ko"):
        raise ValueError(f"lang must be 'en' or 'ko', not {lang!r}")
    text = inspect.getsource(globals()[name])
    cls = globals()[name]
    if lang == "ko" and name in _KO_DOCSTRINGS and "__doc__" in vars(cls) and cls.__doc__:
        start = text.index('    """')
        end = text.index('"""', start + 7) + 3
        end = text.index("\n", end) + 1
        text = text[:start] + _KO_DOCSTRINGS[name] + text[end:]
    return text
