"""The whole room plays a scenario on the projector; the debrief board compares runs.

Qt-free.
"""
