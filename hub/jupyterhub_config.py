# A JupyterHub for a class using the isslearn lessons: start from this file.
#
#   pip install ".[lab,hub,present]"  # JupyterHub, nbgitpuller, JupyterLab, Voilà, isslearn
#   bash hub/install_proxy.sh       # configurable-http-proxy into hub/node_modules
#   jupyterhub -f hub/jupyterhub_config.py
#
# tests/test_whole_class.py runs a class of eight on exactly this file (loaded first), adding
# only what a test needs: ports on 127.0.0.1, temporary folders, test users.
# JupyterHub provides `c` when it reads this file.
# ruff: noqa: F821
from pathlib import Path

HERE = Path(__file__).resolve().parent

# JupyterHub's usual proxy, installed next to this file by hub/install_proxy.sh.
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]

# Learners land in JupyterLab, where the lessons' widgets work.
c.Spawner.default_url = "/lab"

# The presenter view for the teacher's projector: Voilà's server extension (the `present`
# extra; installing it switches the extension on) shows a lesson with its code hidden, figures
# and widgets live, at /hub/user-redirect/voila/render/REPO/notebooks/01_assembly.ipynb. This
# makes isslearn's large-type template the default there (links also name it, for Binder): it
# keeps each quiz's answers out of the page until the teacher presses "Show the answer". The
# README and the website give each lesson's link.
c.Spawner.args = ["--VoilaConfiguration.template=isslearn"]

# The nbgitpuller link starts a learner's server by itself; without this JupyterHub first shows
# "Server not running" with a Launch button, and the link seems not to work.
c.JupyterHub.implicit_spawn_seconds = 0.5

# A class-wide events or quiz file: the learners' servers do NOT inherit the hub's own
# environment variables, so name them here (paths every learner can read), e.g.
# c.Spawner.environment = {
#     "ISSLEARN_EVENTS": "/srv/isslearn/our_class_events.csv",
#     "ISSLEARN_QUIZ": "/srv/isslearn/our_class_quiz.yaml",
# }

# Who may log in and where servers run are your school's choice (an authenticator for your
# accounts, a spawner for your machines). For a trial on one machine, with test users:
# c.JupyterHub.authenticator_class = "dummy"
# c.DummyAuthenticator.password = "a shared password"
# c.Authenticator.allow_all = True
# c.JupyterHub.spawner_class = "simple"
