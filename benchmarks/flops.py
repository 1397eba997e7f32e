"""The arithmetic of one training sample of each workload, counted as each peer performs it.

2 FLOP per multiply-add of the products: the forward product of every layer, its weight
gradient, and its input gradient, except at the first layer for the peers that skip that one
(nothing reads it): Unroll, PyTorch (autograd starts at the first layer's weights, the inputs
need no gradient) and "numpy best". The course's numpy layers and DL4J (MultiLayerNetwork
computes layer 0's epsilon, then drops it) and the plain-Java reference compute it. Batch norm,
activations, pooling, softmax and SGD are not counted: they are a few percent at most.
"""

# Products of each workload, as multiply-adds per sample, first layer first.
# Dense: fan_in x units. Conv 3x3, pad 1, stride 1: filters x channels x 9 x H x W.
MACS = {
    "W2n": [784 * 256, 256 * 128, 128 * 10],
    "W4": [1024 * 1024, 1024 * 1024, 1024 * 10],
    # 1x28x28 -> conv 16 -> pool -> conv 32 (on 14x14) -> pool -> dense 10 (from 32x7x7)
    "W5": [16 * 1 * 9 * 28 * 28, 32 * 16 * 9 * 14 * 14, 32 * 7 * 7 * 10],
    # 3x32x32 -> conv 32, conv 32 (32x32) -> pool -> conv 64, conv 64 (16x16) -> pool
    # -> dense 256 (from 64x8x8) -> dense 10
    "W6": [32 * 3 * 9 * 32 * 32, 32 * 32 * 9 * 32 * 32, 64 * 32 * 9 * 16 * 16,
           64 * 64 * 9 * 16 * 16, 64 * 8 * 8 * 256, 256 * 10],
}
GFLOP_ROWS = list(MACS)

COUNTED = {"done": "no first-layer input gradient", "full": "every input gradient"}
_KIND = {"numpy": "full", "dl4j": "full", "plain": "full"}


def count_kind(peer):
    """'full' for the peers that compute the first layer's input gradient, else 'done'."""
    return _KIND.get(peer.split("@")[0], "done")


def flop_per_sample(wid, kind):
    """FLOP of one training sample, or None for a workload without a GFLOP/s figure."""
    macs = MACS.get(wid)
    if macs is None:
        return None
    total = 6 * sum(macs)
    return total if kind == "full" else total - 2 * macs[0]
