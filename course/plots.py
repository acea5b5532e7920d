"""Matplotlib figures for the notebooks, where a curve says more than a number.

matplotlib is imported inside each function, so ``import course`` stays fast.
"""

from course.models.batna import nash_split, outside_option_split


def nash_share_vs_batna(pie, their_batna, your_batnas=None):
    """Your share of ``pie`` as your BATNA rises from 0 to ``pie - their_batna``, theirs
    fixed, under the two models of module 02: the Nash split with the BATNAs as breakdown
    payoffs (a line of slope 1/2, ``nash_split``) and the outside-option result, when you
    can walk out whenever you turn down their proposal (flat at half the pie until your BATNA beats it, then equal
    to it, ``outside_option_split``). Returns the matplotlib figure, already closed in
    pyplot: display it (a cell that ends with it shows it)."""
    import matplotlib.pyplot as plt

    top = pie - their_batna
    your_batnas = your_batnas or [top * i / 50 for i in range(51)]
    nash = [nash_split(pie, yours, their_batna)[0] for yours in your_batnas]
    outside = [outside_option_split(pie, yours, their_batna)[0] for yours in your_batnas]
    figure, axes = plt.subplots(figsize=(6, 4.6))
    axes.plot(your_batnas, nash, label="Nash split (BATNA = what you get if talks break down)")
    axes.plot(your_batnas, outside, label="outside option (you can walk out on their proposal)")
    axes.plot(your_batnas, your_batnas, linestyle="--", color="grey", label="your BATNA")
    axes.set_xlabel("your BATNA")
    axes.set_ylabel("your share")
    axes.set_title(f"Your share of {pie:g} when the other side's BATNA is {their_batna:g}")
    # below the plot, so no line is hidden: the flat start of the outside-option line is the
    # point of the figure
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), fontsize="small", ncol=1)
    figure.tight_layout()
    # closed at once: pyplot no longer holds it (a process that draws many would warn
    # "More than 20 figures have been opened"); the notebook shows the returned figure
    plt.close(figure)
    return figure
