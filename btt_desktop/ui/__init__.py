"""The Qt window: widgets, models and dialogs. The only package (with app.py) that imports Qt.

Everything here runs on the GUI thread; engine events arrive through ``bridge.py``.
"""
