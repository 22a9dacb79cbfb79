from yhteiskehitys.cli.main import main


def test_models_lists_the_general_model(capsys):
    assert main(["models"]) == 0
    assert "yhteiskehitys" in capsys.readouterr().out
