"""Matplotlib figures for the notebooks, where a curve says more than a number.

matplotlib is imported inside each function, so ``import course`` stays fast.
"""

from course.models.batna import nash_split


def nash_share_vs_batna(pie, their_batna, your_batnas=None):
    """Your Nash share as your BATNA rises, the other side's BATNA fixed: a line of slope 1/2
    until the deal stops being worth more than walking away."""
    import matplotlib.pyplot as plt

    top = pie - their_batna
    your_batnas = your_batnas or [top * i / 50 for i in range(51)]
    shares = [nash_split(pie, yours, their_batna)[0] for yours in your_batnas]
    figure, axes = plt.subplots(figsize=(6, 3.2))
    axes.plot(your_batnas, shares, label="your share of the deal")
    axes.plot(your_batnas, your_batnas, linestyle="--", color="grey", label="your BATNA")
    axes.set_xlabel("your BATNA")
    axes.set_ylabel("value to you")
    axes.set_title(f"Nash split of {pie:g} when the other side's BATNA is {their_batna:g}")
    axes.legend(loc="upper left")
    figure.tight_layout()
    return figure
