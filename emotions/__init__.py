"""Pure-Python logic of the Emotional Needs Workbook.

Nothing in this package imports streamlit: models, derived figures, texts and exports live here
and are tested on their own. The app pages only read state, call these functions and render.
The languages every user-facing word exists in are registered in ``emotions.languages``.
"""
