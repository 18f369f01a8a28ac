package dev.heapchain.kafkait;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.QuorumInfo;

/**
 * The metadata quorum as the active controller's Raft layer reports it (DescribeQuorum, answered by
 * KafkaRaftClient itself, so it answers while the QuorumController waits on a commit).
 *
 * <p>The controller's snapshot epochs are metadata-log offsets: it takes a snapshot at the last
 * offset of each batch it appends and deletes those up to its last stable offset once committed.
 * With no metadata transaction open, lastStableOffset = lastCommittedOffset = highWatermark - 1,
 * and nextWriteOffset = the leader's log end offset.
 *
 * @param leaderLogEndOffset the leader's log end offset, -1 if it reported none
 */
record QuorumState(int leaderId, long highWatermark, long leaderLogEndOffset, int voters, int caughtUpVoters) {

    static QuorumState read(Admin controllers, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        QuorumInfo info = controllers.describeMetadataQuorum().quorumInfo().get(timeoutMs, TimeUnit.MILLISECONDS);
        long leaderEnd = -1;
        for (QuorumInfo.ReplicaState voter : info.voters()) {
            if (voter.replicaId() == info.leaderId()) {
                leaderEnd = voter.logEndOffset();
            }
        }
        int caughtUp = 0;
        for (QuorumInfo.ReplicaState voter : info.voters()) {
            if (leaderEnd >= 0 && voter.logEndOffset() >= info.highWatermark()) {
                caughtUp++;
            }
        }
        return new QuorumState(info.leaderId(), info.highWatermark(), leaderEnd, info.voters().size(), caughtUp);
    }

    /** Records appended by the leader and not yet committed. */
    long uncommittedRecords() {
        return leaderLogEndOffset - highWatermark;
    }

    @Override
    public String toString() {
        return "leader " + leaderId + ", high watermark " + highWatermark + ", leader log end " + leaderLogEndOffset
                + ", " + caughtUpVoters + "/" + voters + " voters at the high watermark";
    }
}
