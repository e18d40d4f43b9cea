package dev.switchboard.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;

class SlackEventMapperTests {

	@Test
	void givesTheConversationTheCommandTextAsTyped() {
		SlashCommandPayload p = new SlashCommandPayload();
		p.setText("note p95 &gt; 30 s &amp; errors &lt; 1 % (&amp;lt; stays)");
		assertThat(SlackEventMapper.commandText(p)).isEqualTo("note p95 > 30 s & errors < 1 % (&lt; stays)");
	}

	@Test
	void keysACommandByItsTriggerSoRetriesShareTheKey() {
		SlashCommandPayload p = new SlashCommandPayload();
		p.setTeamId("T1");
		p.setTriggerId("123.456.abc");
		assertThat(SlackEventMapper.commandKey(p)).isEqualTo("slack:T1:command:123.456.abc");
		p.setTriggerId(null);
		assertThat(SlackEventMapper.commandKey(p)).isNull();
	}

	@Test
	void keysAClickByTheRenderedButtonNotByItsActionTs() {
		BlockActionPayload first = click("1700000001.000100", "b1-3", "111.1");
		BlockActionPayload doubleClick = click("1700000001.000100", "b1-3", "111.2");
		BlockActionPayload afterRerender = click("1700000001.000100", "b2-3", "111.3");
		String key = SlackEventMapper.clickKey(first, first.getActions().get(0));
		assertThat(SlackEventMapper.clickKey(doubleClick, doubleClick.getActions().get(0))).isEqualTo(key);
		assertThat(SlackEventMapper.clickKey(afterRerender, afterRerender.getActions().get(0))).isNotEqualTo(key);
		assertThat(key).isEqualTo("slack:T1:click:C1:1700000001.000100:b1-3:choose/4/triage/1");
	}

	private static BlockActionPayload click(String messageTs, String blockId, String actionTs) {
		BlockActionPayload p = new BlockActionPayload();
		BlockActionPayload.Team team = new BlockActionPayload.Team();
		team.setId("T1");
		p.setTeam(team);
		BlockActionPayload.Container container = new BlockActionPayload.Container();
		container.setChannelId("C1");
		container.setMessageTs(messageTs);
		p.setContainer(container);
		BlockActionPayload.Action action = new BlockActionPayload.Action();
		action.setActionId("choose/4/triage/1");
		action.setBlockId(blockId);
		action.setActionTs(actionTs);
		p.setActions(java.util.List.of(action));
		return p;
	}
}
